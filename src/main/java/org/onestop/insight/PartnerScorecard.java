package org.onestop.insight;

import java.math.BigDecimal;
import java.util.List;

/**
 * How one organisation performs against one agreement: the steps it ended under the agreement in
 * the period (cases that ended in the period), month by month for the trend.
 *
 * @param withinSla steps that ended by their deadline (the agreement's SLA) and were not flagged overdue
 * @param cost the steps ended at the agreement's cost per case
 */
public record PartnerScorecard(String agreement, String organisation, String service, String governance,
        long volume, long withinSla, long completed, long reworked, BigDecimal cost, String currency, Durations lead,
        List<Point> trend) {

    public PartnerScorecard {
        trend = List.copyOf(trend);
    }

    public Double slaCompliance() {
        return volume == 0 ? null : (double) withinSla / volume;
    }

    public Double firstTimeRight() {
        return completed == 0 ? null : (double) (completed - reworked) / completed;
    }

    /** One month of the trend. */
    public record Point(String period, long volume, long withinSla, long completed, long reworked) {

        public Double slaCompliance() {
            return volume == 0 ? null : (double) withinSla / volume;
        }

        public Double firstTimeRight() {
            return completed == 0 ? null : (double) (completed - reworked) / completed;
        }
    }
}
