package org.onestop.insight;

import java.math.BigDecimal;

/**
 * Measured performance of all agreements under one governance mode, so the theory's prediction
 * can be checked against the data: do in-house, partnership and contract activities perform as
 * expected, and do misaligned ones perform worse?
 */
public record ModePerformance(String governance, int agreements, int misaligned, long volume, long withinSla,
        long completed, long reworked, BigDecimal cost, Durations lead) {

    public Double slaCompliance() {
        return volume == 0 ? null : (double) withinSla / volume;
    }

    public Double firstTimeRight() {
        return completed == 0 ? null : (double) (completed - reworked) / completed;
    }

    public BigDecimal costPerCase() {
        return volume == 0 ? null : cost.divide(BigDecimal.valueOf(volume), 2, java.math.RoundingMode.HALF_UP);
    }
}
