package org.onestop.insight;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events into event_log as the platform writes them, at given times, with UUIDv7 ids made
 * from those times (so the log's id order is the order of the times).
 */
final class HandBuiltLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;
    private int sequence;

    HandBuiltLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static Instant at(String time) {
        return Instant.parse(time);
    }

    void event(String time, String type, UUID caseId, String step, String organisation, String channel,
            Map<String, Object> attributes) {
        Instant at = at(time);
        UUID id = new UUID((at.toEpochMilli() << 16) | 0x7000L | (sequence++ & 0xFFF), 0x8000000000000000L | sequence);
        jdbc.sql("""
                INSERT INTO event_log (id, occurred_at, type, case_id, application_id, step, organisation, channel, actor, attributes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""")
                .params(id, Timestamp.from(at), type, caseId, caseId, step, organisation, channel, "test",
                        JSON.writeValueAsString(attributes))
                .update();
    }

    void started(String time, String journey) {
        event(time, "application-started", null, null, null, "portal", Map.of("journey", journey, "service", "start-a-business"));
    }

    /** A submission of a principal of the kind, by an intermediary ({@code agent}) or by the principal (null). */
    UUID submittedBy(String time, String channel, String principalKind, String agent) {
        UUID caseId = UUID.randomUUID();
        event(time, "application-submitted", caseId, null, agent, channel,
                Map.of("service", "start-a-business", "reference", "R" + sequence, "principalKind", principalKind));
        return caseId;
    }

    UUID submitted(String time, String channel) {
        UUID caseId = UUID.randomUUID();
        event(time, "application-submitted", caseId, null, null, channel,
                Map.of("service", "start-a-business", "reference", "R" + sequence));
        event(time, "case-opened", caseId, null, null, null, Map.of("service", "start-a-business", "steps", 4));
        return caseId;
    }

    void step(String time, String type, UUID caseId, String step, String organisation) {
        event(time, "step-" + type, caseId, step, organisation, null, Map.of());
    }

    void ready(String time, UUID caseId, String step, String organisation, String deadline) {
        event(time, "step-ready", caseId, step, organisation, null, Map.of("deadline", deadline));
    }

    void caseEnded(String time, UUID caseId, String outcome) {
        event(time, "case-" + outcome, caseId, null, null, null, Map.of());
    }

    void rated(String time, UUID caseId, int score) {
        event(time, "satisfaction-rated", caseId, null, null, "portal", Map.of("score", score));
    }
}
