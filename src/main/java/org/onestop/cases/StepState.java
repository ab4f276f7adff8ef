package org.onestop.cases;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The state of one step of a case, with its transitions spelled out:
 * waiting → ready (its dependencies completed) → in progress (an organisation took it up) →
 * completed or rejected; a ready step may also be completed or rejected at once. A ready or
 * in-progress step may instead be sent back to the applicant (correction requested), and is
 * ready again, for a new round, once the applicant has corrected the answers.
 */
public enum StepState {
    @JsonProperty("waiting")
    WAITING,
    @JsonProperty("ready")
    READY,
    @JsonProperty("in-progress")
    IN_PROGRESS,
    @JsonProperty("correction-requested")
    CORRECTION_REQUESTED,
    @JsonProperty("completed")
    COMPLETED,
    @JsonProperty("rejected")
    REJECTED;

    private static final Map<StepState, Set<StepState>> NEXT = Map.of(
            WAITING, EnumSet.of(READY),
            READY, EnumSet.of(IN_PROGRESS, COMPLETED, REJECTED, CORRECTION_REQUESTED),
            IN_PROGRESS, EnumSet.of(COMPLETED, REJECTED, CORRECTION_REQUESTED),
            CORRECTION_REQUESTED, EnumSet.of(READY),
            COMPLETED, EnumSet.noneOf(StepState.class),
            REJECTED, EnumSet.noneOf(StepState.class));

    public boolean canBecome(StepState next) {
        return NEXT.get(this).contains(next);
    }

    public boolean ended() {
        return this == COMPLETED || this == REJECTED;
    }
}
