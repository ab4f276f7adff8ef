package org.onestop.insight;

/**
 * The cases of a service that ended in the period: how long they took from submission to the
 * end, and how often work passed from one organisation to another.
 */
public record CaseMetrics(String service, long cases, Durations lead, long handoffs) {

    public Double handoffsPerCase() {
        return cases == 0 ? null : (double) handoffs / cases;
    }
}
