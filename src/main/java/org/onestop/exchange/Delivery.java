package org.onestop.exchange;

import java.time.Instant;
import java.util.UUID;

/** Work for one organisation: one ready step of one case. Its id is stable across attempts, so receivers de-duplicate by it. */
public record Delivery(UUID id, UUID caseId, String step, String organisation, String mode, DeliveryState state,
        int attempts, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt, String lastError) {
}
