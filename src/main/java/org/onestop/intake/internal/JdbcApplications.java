package org.onestop.intake.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onestop.intake.Application;
import org.onestop.intake.Applications;
import org.onestop.intake.Channel;
import org.onestop.intake.Principal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcApplications implements Applications {

    private static final String STORED_NOW = JdbcApplications.class.getName() + ".storedNow";
    private static final String COLUMNS = "id, reference, service_id, service_code, service_version, principal_kind, "
            + "principal_id, principal_name, form, channel, agent, actor, submitted_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AccessCodes accessCodes;

    JdbcApplications(JdbcClient jdbc, JsonMapper json, AccessCodes accessCodes) {
        this.jdbc = jdbc;
        this.json = json;
        this.accessCodes = accessCodes;
    }

    @Override
    public Optional<Application> find(UUID id) {
        Application storedNow = storedInThisTransaction().get(id);
        if (storedNow != null) {
            return Optional.of(storedNow);
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE id = ?").param(id).query(this::map).optional();
    }

    @Override
    public Optional<Application> findByReference(String reference, String accessCode) {
        if (reference == null || reference.length() > 16) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM application WHERE reference = ?")
                .param(reference.trim().toUpperCase(java.util.Locale.ROOT)).query(this::map).optional()
                .filter(application -> accessCodes.matches(application.id(), accessCode));
    }

    /** The application stored earlier under this submitter's idempotency key, with the hash of its request. */
    Optional<StoredKey> findByKey(String actor, String idempotencyKey) {
        return jdbc.sql("SELECT id, request_hash FROM application WHERE actor = ? AND idempotency_key = ?")
                .params(actor, idempotencyKey)
                .query((rs, row) -> new StoredKey(rs.getObject("id", UUID.class), rs.getString("request_hash")))
                .optional();
    }

    void insert(Application a, String idempotencyKey, String requestHash) {
        jdbc.sql("INSERT INTO application (" + COLUMNS + ", idempotency_key, request_hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?)")
                .params(a.id(), a.reference(), a.serviceId(), a.serviceCode(), a.serviceVersion(),
                        a.principal().kind().name(), a.principal().id(), a.principal().name(),
                        json.writeValueAsString(a.form()), a.channel().name(), a.agent(), a.actor(),
                        Timestamp.from(a.submittedAt()), idempotencyKey, requestHash)
                .update();
        storedInThisTransaction().put(a.id(), a);
    }

    /**
     * Applications this transaction inserted, as inserted: the case it opens reads each back once
     * per step delivered, and those reads need no round trip. Empty outside a transaction.
     */
    private static Map<UUID, Application> storedInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        StoredNow bound = (StoredNow) TransactionSynchronizationManager.getResource(STORED_NOW);
        if (bound == null) {
            bound = new StoredNow();
            TransactionSynchronizationManager.bindResource(STORED_NOW, bound);
            TransactionSynchronizationManager.registerSynchronization(bound);
        }
        return bound.applications;
    }

    /** Bound to one transaction; stepped aside while an inner transaction of its own runs, which sees only what it stores. */
    private static final class StoredNow implements TransactionSynchronization {

        private final Map<UUID, Application> applications = new HashMap<>();

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(STORED_NOW);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(STORED_NOW, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(STORED_NOW);
        }
    }

    /**
     * Keeps the application's current answers as its next revision (1, 2, ...), before they are
     * replaced; returns that revision's number.
     */
    int keepRevision(UUID id, String actor, java.time.Instant at) {
        int revision = jdbc.sql("SELECT COALESCE(MAX(revision), 0) + 1 FROM application_revision WHERE application_id = ?")
                .param(id).query(Integer.class).single();
        jdbc.sql("INSERT INTO application_revision (application_id, revision, form, replaced_at, replaced_by) "
                + "SELECT id, ?, form, ?, ? FROM application WHERE id = ?")
                .params(revision, Timestamp.from(at), actor, id).update();
        return revision;
    }

    void replaceForm(UUID id, tools.jackson.databind.JsonNode form) {
        storedInThisTransaction().remove(id);
        jdbc.sql("UPDATE application SET form = CAST(? AS jsonb) WHERE id = ?").params(json.writeValueAsString(form), id).update();
    }

    record StoredKey(UUID applicationId, String requestHash) {
    }

    private Application map(ResultSet rs, int row) throws SQLException {
        return new Application(rs.getObject("id", UUID.class), rs.getString("reference"),
                rs.getObject("service_id", UUID.class), rs.getString("service_code"), rs.getInt("service_version"),
                new Principal(Principal.Kind.valueOf(rs.getString("principal_kind")), rs.getString("principal_id"),
                        rs.getString("principal_name")),
                json.readTree(rs.getString("form")), Channel.valueOf(rs.getString("channel")), rs.getString("agent"),
                rs.getString("actor"), rs.getTimestamp("submitted_at").toInstant());
    }
}
