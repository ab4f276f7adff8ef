package org.onestop.insight;

/**
 * How one organisation performs one step of a service, over the steps of the cases that ended
 * in the period.
 *
 * @param ended steps that ended (completed or rejected)
 * @param reworked steps rejected for correction and then done again
 * @param overdue steps that ended after their deadline, or were flagged overdue
 * @param handoffsIn dependencies on a step of another organisation that this step waited for
 * @param lead from ready to ended
 * @param waiting from ready to started (a step finished without being started waited all its lead time)
 * @param processing from started to ended
 */
public record StepMetrics(String service, String step, String organisation, long ended, long completed,
        long reworked, long overdue, long handoffsIn, Durations lead, Durations waiting, Durations processing) {

    /** Steps completed without a rejection / steps completed, or null when none completed. */
    public Double firstTimeRight() {
        return completed == 0 ? null : (double) (completed - reworked) / completed;
    }

    public Double overdueShare() {
        return ended == 0 ? null : (double) overdue / ended;
    }
}
