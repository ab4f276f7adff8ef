package org.onestop.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One application's case across every organisation. Its id is the application's id. */
public record Case(UUID id, String reference, UUID serviceId, String serviceCode, CaseStatus status, Instant openedAt,
        Instant closedAt, List<CaseStep> steps) {

    public Optional<CaseStep> step(String code) {
        return steps.stream().filter(s -> s.code().equals(code)).findFirst();
    }
}
