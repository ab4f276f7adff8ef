package org.onestop.mandates.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onestop.mandates.Mandate;
import org.onestop.mandates.MandateStatus;
import org.onestop.platform.PageOf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The mandates' lifecycle in the {@code mandate} table: requested, confirmed, revoked. */
@Repository
class MandateRegister {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final String COLUMNS = "id, agent, principal, principal_name, services, valid_from, valid_to, "
            + "status, requested_at, confirmed_at, revoked_at, revoked_by";

    /** A stored mandate with what only the lifecycle needs. */
    record Entry(Mandate mandate, String principalName, Instant requestedAt, Instant confirmedAt, Instant revokedAt,
            String revokedBy) {

        MandateRecord asOf(LocalDate today) {
            return MandateRecord.of(mandate, principalName, requestedAt, confirmedAt, revokedAt, revokedBy, today);
        }
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    MandateRegister(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void add(Mandate mandate, String principalName, String tokenHash, Instant at) {
        jdbc.sql("INSERT INTO mandate (id, agent, principal, principal_name, services, valid_from, valid_to, status, "
                        + "confirm_token_hash, requested_at) VALUES (?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?)")
                .params(mandate.id(), mandate.agent(), mandate.principal(), principalName,
                        json.writeValueAsString(mandate.services()), mandate.validFrom(), mandate.validTo(),
                        mandate.status().name(), tokenHash, Timestamp.from(at))
                .update();
    }

    Optional<Entry> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mandate WHERE id = ?").param(id).query(this::map).optional();
    }

    Optional<Entry> findByTokenHash(String tokenHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mandate WHERE confirm_token_hash = ?").param(tokenHash)
                .query(this::map).optional();
    }

    /** Activates a requested mandate; false when it is no longer requested (confirmed or revoked meanwhile). */
    boolean confirm(UUID id, Instant at) {
        return jdbc.sql("UPDATE mandate SET status = 'ACTIVE', confirmed_at = ? WHERE id = ? AND status = 'REQUESTED'")
                .params(Timestamp.from(at), id).update() == 1;
    }

    /** Revokes a mandate; false when it was revoked already. */
    boolean revoke(UUID id, Revoker by, Instant at) {
        return jdbc.sql("UPDATE mandate SET status = 'REVOKED', revoked_at = ?, revoked_by = ? "
                        + "WHERE id = ? AND status <> 'REVOKED'")
                .params(Timestamp.from(at), by.code(), id).update() == 1;
    }

    /** One page of mandates, newest first; {@code agent} and {@code principal} filter when given. */
    PageOf<MandateRecord> list(String agent, String principal, int page, int size) {
        String where = " WHERE (CAST(:agent AS VARCHAR(64)) IS NULL OR agent = :agent)"
                + " AND (CAST(:principal AS VARCHAR(128)) IS NULL OR principal = :principal)";
        long total = jdbc.sql("SELECT COUNT(*) FROM mandate" + where).param("agent", agent)
                .param("principal", principal).query(Long.class).single();
        LocalDate today = LocalDate.now(clock);
        List<MandateRecord> items = jdbc.sql("SELECT " + COLUMNS + " FROM mandate" + where
                        + " ORDER BY id DESC LIMIT :size OFFSET :offset")
                .param("agent", agent).param("principal", principal).param("size", size)
                .param("offset", (long) page * size).query(this::map).stream().map(e -> e.asOf(today)).toList();
        return new PageOf<>(items, page, size, total);
    }

    private Entry map(ResultSet rs, int row) throws SQLException {
        var validTo = rs.getDate("valid_to");
        Mandate mandate = new Mandate(rs.getObject("id", UUID.class), rs.getString("agent"), rs.getString("principal"),
                json.readValue(rs.getString("services"), STRINGS), rs.getDate("valid_from").toLocalDate(),
                validTo == null ? null : validTo.toLocalDate(), MandateStatus.valueOf(rs.getString("status")));
        return new Entry(mandate, rs.getString("principal_name"), instant(rs, "requested_at"),
                instant(rs, "confirmed_at"), instant(rs, "revoked_at"), rs.getString("revoked_by"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
