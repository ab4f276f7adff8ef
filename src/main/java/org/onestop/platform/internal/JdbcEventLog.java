package org.onestop.platform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcEventLog implements EventLog {

    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcEventLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(Event e) {
        jdbc.sql("""
                INSERT INTO event_log (id, occurred_at, type, case_id, application_id, step, organisation, channel, actor, attributes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""")
                .params(e.id(), Timestamp.from(e.occurredAt()), e.type(), e.caseId(), e.applicationId(), e.step(),
                        e.organisation(), e.channel(), e.actor(), json.writeValueAsString(e.attributes()))
                .update();
        // the ledger (its own module) appends queued events to its tree; queueing here, in the event's
        // transaction, gives each event exactly one ledger entry whatever the order of commits
        jdbc.sql("INSERT INTO ledger_queue (event_id) VALUES (?)").param(e.id()).update();
    }

    @Override
    public List<Event> ofCase(UUID caseId) {
        return jdbc.sql("SELECT * FROM event_log WHERE case_id = ? ORDER BY id").param(caseId).query(this::map).list();
    }

    @Override
    public List<Event> ofOrganisation(String organisation, Collection<String> types) {
        if (types.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM event_log WHERE organisation = :organisation AND type IN (:types) ORDER BY id")
                .param("organisation", organisation).param("types", List.copyOf(types)).query(this::map).list();
    }

    private Event map(ResultSet rs, int row) throws SQLException {
        return new Event(rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(), rs.getString("type"),
                rs.getObject("case_id", UUID.class), rs.getObject("application_id", UUID.class), rs.getString("step"),
                rs.getString("organisation"), rs.getString("channel"), rs.getString("actor"),
                json.readValue(rs.getString("attributes"), ATTRIBUTES));
    }
}
