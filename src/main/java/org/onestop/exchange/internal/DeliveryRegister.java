package org.onestop.exchange.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.onestop.exchange.Delivery;
import org.onestop.exchange.DeliveryState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery tables. Every change of state is conditional, so two workers never both win. */
@Repository
class DeliveryRegister {

    static final String COLUMNS = "id, case_id, step, organisation, mode, state, attempts, next_attempt_at, "
            + "created_at, delivered_at, last_error";

    private final JdbcClient jdbc;

    DeliveryRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery leased to a pusher or puller; {@code submittedAt} is the application's submission, if known. */
    record Claimed(UUID id, UUID caseId, String organisation, String payload, int attempts, Instant createdAt,
            Instant submittedAt) {
    }

    /**
     * Stores a new delivery of one round of a step; false, storing nothing, when that round has one
     * already (each readiness of a step is delivered once).
     */
    boolean insert(UUID id, UUID caseId, String step, int round, String organisation, String mode, String payload, Instant now,
            Instant submittedAt) {
        return jdbc.sql("""
                INSERT INTO delivery (id, case_id, step, round, organisation, mode, state, payload, attempts, next_attempt_at,
                                      created_at, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, 'PENDING', CAST(? AS jsonb), 0, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(id, caseId, step, round, organisation, mode, payload, ts(now), ts(now), ts(submittedAt)).update() == 1;
    }

    /**
     * Due push deliveries, leased to this node, leaving out paused organisations and those named in
     * {@code closed}; of the rest, only those {@code admit} lets through are claimed (and count an
     * attempt). The caller's transaction holds the row locks until it commits.
     */
    List<Claimed> claimDuePushes(int limit, String node, Instant now, Instant leaseUntil, Collection<String> closed,
            Predicate<Claimed> admit) {
        List<String> excluded = new ArrayList<>(closed);
        excluded.add("");
        List<Claimed> due = jdbc.sql("""
                SELECT id, case_id, organisation, payload, attempts, created_at, submitted_at FROM delivery
                WHERE mode = 'PUSH' AND state IN ('PENDING', 'IN_FLIGHT') AND next_attempt_at <= :now
                  AND (lease_until IS NULL OR lease_until < :now)
                  AND organisation NOT IN (:excluded)
                  AND organisation NOT IN (SELECT organisation FROM delivery_pause)
                ORDER BY next_attempt_at
                FETCH FIRST :limit ROWS ONLY
                FOR UPDATE SKIP LOCKED""")
                .param("now", ts(now)).param("excluded", excluded).param("limit", limit)
                .query(DeliveryRegister::claimed)
                .list();
        List<Claimed> claimed = due.stream().filter(admit).toList();
        if (!claimed.isEmpty()) {
            // one statement for the whole batch: the rows are locked by the SELECT above
            jdbc.sql("UPDATE delivery SET state = 'IN_FLIGHT', lease_until = :until, leased_by = :node, attempts = attempts + 1 "
                    + "WHERE id IN (:ids)")
                    .param("until", ts(leaseUntil)).param("node", node).param("ids", claimed.stream().map(Claimed::id).toList())
                    .update();
        }
        return claimed;
    }

    /** Pull deliveries offered to their organisation: pending ones, and in-flight ones whose lease ran out. */
    List<Claimed> leaseForPull(String organisation, int limit, Instant now, Instant leaseUntil) {
        List<Claimed> due = jdbc.sql("""
                SELECT id, case_id, organisation, payload, attempts, created_at, submitted_at FROM delivery
                WHERE organisation = ? AND mode = 'PULL' AND state IN ('PENDING', 'IN_FLIGHT')
                  AND (lease_until IS NULL OR lease_until < ?)
                ORDER BY created_at
                FETCH FIRST ? ROWS ONLY
                FOR UPDATE SKIP LOCKED""")
                .params(organisation, ts(now), limit)
                .query(DeliveryRegister::claimed)
                .list();
        for (Claimed claimed : due) {
            jdbc.sql("UPDATE delivery SET state = 'IN_FLIGHT', lease_until = ?, leased_by = 'pull', attempts = attempts + 1 WHERE id = ?")
                    .params(ts(leaseUntil), claimed.id()).update();
        }
        return due;
    }

    private static Claimed claimed(ResultSet rs, int row) throws SQLException {
        Timestamp submitted = rs.getTimestamp("submitted_at");
        return new Claimed(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("organisation"),
                rs.getString("payload"), rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                submitted == null ? null : submitted.toInstant());
    }

    boolean delivered(UUID id, String leasedBy, Instant now) {
        return jdbc.sql("UPDATE delivery SET state = 'DELIVERED', delivered_at = ?, lease_until = NULL, last_error = NULL "
                + "WHERE id = ? AND state = 'IN_FLIGHT' AND leased_by = ?")
                .params(ts(now), id, leasedBy).update() == 1;
    }

    boolean acknowledged(UUID id, String organisation, Instant now) {
        return jdbc.sql("UPDATE delivery SET state = 'DELIVERED', delivered_at = ?, lease_until = NULL "
                + "WHERE id = ? AND organisation = ? AND mode = 'PULL' AND state IN ('PENDING', 'IN_FLIGHT')")
                .params(ts(now), id, organisation).update() == 1;
    }

    boolean retryLater(UUID id, String node, Instant next, String error) {
        return jdbc.sql("UPDATE delivery SET state = 'PENDING', next_attempt_at = ?, lease_until = NULL, last_error = ? "
                + "WHERE id = ? AND state = 'IN_FLIGHT' AND leased_by = ?")
                .params(ts(next), truncate(error), id, node).update() == 1;
    }

    boolean dead(UUID id, String node, String error) {
        return jdbc.sql("UPDATE delivery SET state = 'DEAD', lease_until = NULL, last_error = ? "
                + "WHERE id = ? AND state = 'IN_FLIGHT' AND leased_by = ?")
                .params(truncate(error), id, node).update() == 1;
    }

    boolean replay(UUID id, Instant now) {
        return jdbc.sql("UPDATE delivery SET state = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = NULL "
                + "WHERE id = ? AND state = 'DEAD'").params(ts(now), id).update() == 1;
    }

    /** Records an attempt, numbered after the delivery's earlier ones (also those before a replay). */
    void attempt(UUID id, Instant at, String result, Integer statusCode, String error, long durationMs) {
        int number = jdbc.sql("SELECT COALESCE(MAX(attempt), 0) + 1 FROM delivery_attempt WHERE delivery_id = ?")
                .param(id).query(Integer.class).single();
        jdbc.sql("INSERT INTO delivery_attempt (delivery_id, attempt, at, result, status_code, error, duration_ms) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(id, number, ts(at), result, statusCode, truncate(error), durationMs).update();
    }

    Optional<Delivery> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE id = ?").param(id).query(DeliveryRegister::map).optional();
    }

    Optional<String> payload(UUID id) {
        return jdbc.sql("SELECT payload FROM delivery WHERE id = ?").param(id).query(String.class).optional();
    }

    List<Delivery> of(String organisation, DeliveryState state, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE organisation = ? AND state = ? ORDER BY created_at "
                + "FETCH FIRST ? ROWS ONLY").params(organisation, state.name(), limit).query(DeliveryRegister::map).list();
    }

    Optional<String> outcomeHash(UUID id) {
        return jdbc.sql("SELECT body_hash FROM delivery_outcome WHERE delivery_id = ?").param(id).query(String.class).optional();
    }

    /** Records the outcome; a signed one with its proof (the token as sent, its format and digest), else nulls. */
    void outcome(UUID id, String outcome, String hash, Instant now, String proof, String proofFormat, String proofDigest) {
        jdbc.sql("INSERT INTO delivery_outcome (delivery_id, outcome, body_hash, received_at, proof, proof_format, proof_digest) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(id, outcome, hash, ts(now), proof, proofFormat, proofDigest).update();
    }

    Optional<String> outcomeProof(UUID id) {
        return jdbc.sql("SELECT proof FROM delivery_outcome WHERE delivery_id = ? AND proof IS NOT NULL").param(id)
                .query(String.class).optional();
    }

    static Delivery map(ResultSet rs, int row) throws SQLException {
        Timestamp delivered = rs.getTimestamp("delivered_at");
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getString("step"),
                rs.getString("organisation"), rs.getString("mode").toLowerCase(),
                DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getTimestamp("created_at").toInstant(),
                delivered == null ? null : delivered.toInstant(), rs.getString("last_error"));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
