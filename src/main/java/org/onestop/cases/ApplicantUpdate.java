package org.onestop.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * A short status message an organisation sent the applicant about its step of a case.
 *
 * @param round the step's round when it was sent (1, or one more after each correction)
 * @param message plain text as written; always shown escaped
 */
public record ApplicantUpdate(UUID id, UUID caseId, String step, String organisation, int round, String message,
        Instant sentAt) {
}
