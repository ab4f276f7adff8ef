package org.onestop.platform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the events of a transaction together, in two batched statements just before it commits,
 * rather than two statements per event as they happen: most transactions write several events.
 * Events appended after that point, and reads of the log, write what is pending at once.
 */
@Repository
class JdbcEventLog implements EventLog {

    private static final TypeReference<Map<String, Object>> ATTRIBUTES = new TypeReference<>() { };
    private static final String INSERT_EVENT = """
            INSERT INTO event_log (id, occurred_at, type, case_id, application_id, step, organisation, channel, actor, attributes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""";
    // the ledger (its own module) appends queued events to its tree; queueing in the event's
    // transaction gives each event exactly one ledger entry whatever the order of commits
    private static final String QUEUE_FOR_LEDGER = "INSERT INTO ledger_queue (event_id) VALUES (?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final JsonMapper json;

    JdbcEventLog(JdbcClient jdbc, JdbcTemplate batches, JsonMapper json) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(Event e) {
        Pending pending = pending();
        if (pending == null) {
            write(List.of(e));
        } else {
            pending.events.add(e);
        }
    }

    private void write(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(events.size());
        List<Object[]> queued = new ArrayList<>(events.size());
        for (Event e : events) {
            rows.add(new Object[] {e.id(), Timestamp.from(e.occurredAt()), e.type(), e.caseId(), e.applicationId(), e.step(),
                    e.organisation(), e.channel(), e.actor(), json.writeValueAsString(e.attributes())});
            queued.add(new Object[] {e.id()});
        }
        batches.batchUpdate(INSERT_EVENT, rows);
        batches.batchUpdate(QUEUE_FOR_LEDGER, queued);
    }

    /** This transaction's events not yet written, or {@code null} when they are written as they come. */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Pending bound = (Pending) TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return bound.flushed ? null : bound;
        }
        Pending created = new Pending();
        TransactionSynchronizationManager.bindResource(this, created);
        TransactionSynchronizationManager.registerSynchronization(created);
        return created;
    }

    private void writePending() {
        Pending pending = TransactionSynchronizationManager.isSynchronizationActive()
                ? (Pending) TransactionSynchronizationManager.getResource(this) : null;
        if (pending != null && !pending.events.isEmpty()) {
            List<Event> events = List.copyOf(pending.events);
            pending.events.clear();
            write(events);
        }
    }

    /** Bound to one transaction; stepped aside while an inner transaction of its own runs. */
    private final class Pending implements TransactionSynchronization {

        private final List<Event> events = new ArrayList<>();
        private boolean flushed;

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(JdbcEventLog.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(JdbcEventLog.this, this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            List<Event> last = List.copyOf(events);
            events.clear();
            flushed = true;
            write(last);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(JdbcEventLog.this);
        }
    }

    @Override
    public List<Event> ofCase(UUID caseId) {
        writePending();
        return jdbc.sql("SELECT * FROM event_log WHERE case_id = ? ORDER BY id").param(caseId).query(this::map).list();
    }

    @Override
    public List<Event> ofOrganisation(String organisation, Collection<String> types) {
        if (types.isEmpty()) {
            return List.of();
        }
        writePending();
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
