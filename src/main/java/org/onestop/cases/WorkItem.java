package org.onestop.cases;

import java.time.Instant;
import java.util.UUID;

/** A step waiting on an organisation, as its inbox lists it. */
public record WorkItem(UUID caseId, String reference, String serviceCode, String step, String stepName, StepState state,
        Instant readyAt, Instant deadline) {
}
