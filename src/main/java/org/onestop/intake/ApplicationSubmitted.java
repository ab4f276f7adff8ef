package org.onestop.intake;

import java.time.Instant;
import java.util.UUID;

/** Published in the transaction that stores an application; its case is opened in the same transaction. */
public record ApplicationSubmitted(UUID applicationId, UUID serviceId, String reference, Channel channel, String actor,
        Instant submittedAt) {
}
