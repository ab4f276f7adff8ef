package org.onestop.platform;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One state change, as it is written to the append-only event log.
 *
 * @param type what happened, in the past tense: {@code application-submitted}, {@code step-completed}
 * @param attributes further facts, kept small; never whole application data
 */
public record Event(UUID id, Instant occurredAt, String type, UUID caseId, UUID applicationId, String step,
        String organisation, String channel, String actor, Map<String, Object> attributes) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(type, "type");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
