package org.onestop.cases;

import java.time.Instant;
import java.util.UUID;

/** A step can be worked on: published in the transaction that made it ready. */
public record StepBecameReady(UUID caseId, String step, String organisation, Instant deadline) {
}
