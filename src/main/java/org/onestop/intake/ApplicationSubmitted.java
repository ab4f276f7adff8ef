package org.onestop.intake;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Published in the transaction that stores an application; its case is opened in the same transaction.
 *
 * @param form the answers as stored, so that listeners in the same transaction need not read them back
 */
public record ApplicationSubmitted(UUID applicationId, UUID serviceId, String reference, Channel channel, String actor,
        Instant submittedAt, JsonNode form) {
}
