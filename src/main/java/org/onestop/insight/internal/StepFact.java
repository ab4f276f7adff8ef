package org.onestop.insight.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** What the roll-up knows about one step of one case, built from its events. */
final class StepFact {

    final UUID caseId;
    final String step;
    String organisation;
    Instant readyAt;
    Instant startedAt;
    Instant endedAt;
    Instant deadline;
    String outcome;
    int rejections;
    boolean overdue;
    /** The step's organisation sent the applicant an update since the step last became ready. */
    boolean updated;
    /** The step's completion came with an update in its round: the milestone was announced. */
    boolean announced;

    StepFact(UUID caseId, String step, String organisation) {
        this.caseId = caseId;
        this.step = step;
        this.organisation = organisation;
    }

    boolean ended() {
        return endedAt != null && outcome != null;
    }

    boolean completed() {
        return "completed".equals(outcome);
    }

    /** Rejected for correction and done again. */
    boolean reworked() {
        return rejections > 0 && completed();
    }

    boolean lateOrFlagged() {
        return overdue || deadline != null && endedAt != null && endedAt.isAfter(deadline);
    }

    long leadSeconds() {
        return readyAt == null ? 0 : seconds(readyAt, endedAt);
    }

    /** Ready to started; a step ended without being started waited for all of its lead time. */
    long waitSeconds() {
        if (readyAt == null) {
            return 0;
        }
        return startedAt == null ? seconds(readyAt, endedAt) : seconds(readyAt, startedAt);
    }

    long processSeconds() {
        return startedAt == null ? 0 : seconds(startedAt, endedAt);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).getSeconds());
    }
}
