package org.onestop.intake;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** A stored application. */
public record Application(UUID id, String reference, UUID serviceId, String serviceCode, int serviceVersion,
        Principal principal, JsonNode form, Channel channel, String agent, String actor, Instant submittedAt) {
}
