package org.onestop.cases;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One step of one case, done by one organisation.
 *
 * @param output what the organisation returned, once completed
 * @param reason why it was rejected, or why the applicant is asked to correct
 * @param round 1 for the first readiness, one more for each time the applicant corrected the answers
 * @param correction what the applicant is asked to correct, while the step waits for it; otherwise {@code null}
 */
public record CaseStep(String code, String name, String organisation, StepState state, List<String> dependsOn,
        Instant readyAt, Instant startedAt, Instant endedAt, Instant deadline, JsonNode output, String reason, int round,
        Correction correction) {

    public boolean overdueAt(Instant now) {
        return deadline != null && !state.ended() && state != StepState.CORRECTION_REQUESTED && now.isAfter(deadline);
    }
}
