package org.onestop.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * A step can be worked on: published in the transaction that made it ready.
 *
 * @param round 1 the first time; one more each time it is ready again after the applicant corrected the answers
 */
public record StepBecameReady(UUID caseId, String step, String organisation, Instant deadline, int round) {
}
