package org.onestop.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * The proof that an application was received.
 *
 * @param id the application's id, which is also its case's id
 * @param reference short and readable, for people: {@code OS-7K3F-9QXD}
 * @param accessCode the secret that, with the reference, lets the applicant follow the case
 */
public record Receipt(UUID id, String reference, String accessCode, String serviceCode, int serviceVersion,
        Instant submittedAt) {
}
