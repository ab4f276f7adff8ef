package org.onestop.cases;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One step of one case, done by one organisation.
 *
 * @param output what the organisation returned, once completed
 * @param reason why it was rejected
 */
public record CaseStep(String code, String name, String organisation, StepState state, List<String> dependsOn,
        Instant readyAt, Instant startedAt, Instant endedAt, Instant deadline, JsonNode output, String reason) {

    public boolean overdueAt(Instant now) {
        return deadline != null && !state.ended() && now.isAfter(deadline);
    }
}
