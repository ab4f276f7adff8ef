package org.onestop.exchange.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.onestop.exchange.Delivery;
import org.onestop.exchange.DeliveryState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The delivery tables. Every change of state is conditional, so two workers never both win. */
@Repository
class DeliveryRegister {

    static final String COLUMNS = "id, case_id, step, organisation, mode, state, attempts, next_attempt_at, "
            + "created_at, delivered_at, last_error";

    private static final String DELIVERED = "UPDATE delivery SET state = 'DELIVERED', delivered_at = ?, lease_until = NULL, "
            + "last_error = NULL WHERE id = ? AND state = 'IN_FLIGHT' AND leased_by = ?";
    private static final String RETRY = "UPDATE delivery SET state = 'PENDING', next_attempt_at = ?, lease_until = NULL, "
            + "last_error = ? WHERE id = ? AND state = 'IN_FLIGHT' AND leased_by = ?";
    private static final String DEAD = "UPDATE delivery SET state = 'DEAD', lease_until = NULL, last_error = ? "
            + "WHERE id = ? AND state = 'IN_FLIGHT' AND leased_by = ?";
    // numbered after the delivery's earlier attempts (also those before a replay) in the same statement
    private static final String ATTEMPT = """
            INSERT INTO delivery_attempt (delivery_id, attempt, at, result, status_code, error, duration_ms)
            SELECT CAST(? AS UUID), COALESCE(MAX(attempt), 0) + 1, CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(16)),
                   CAST(? AS INTEGER), CAST(? AS VARCHAR(1000)), CAST(? AS BIGINT)
            FROM delivery_attempt WHERE delivery_id = ?
            ON CONFLICT DO NOTHING""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    DeliveryRegister(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** What a push attempt makes of its delivery: delivered, dead, or pending again from {@code next}. */
    record Settlement(UUID id, String result, Instant at, Instant next, String error) {
        static Settlement delivered(UUID id, Instant at) {
            return new Settlement(id, "delivered", at, null, null);
        }

        static Settlement dead(UUID id, String error) {
            return new Settlement(id, "dead", null, null, error);
        }

        static Settlement retry(UUID id, Instant next, String error) {
            return new Settlement(id, "retry", null, next, error);
        }
    }

    /** One attempt to record. */
    record Attempt(UUID deliveryId, Instant at, String result, Integer statusCode, String error, long durationMs) {
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
     * Stores a new push delivery of one round of a step already leased to {@code node}, its first
     * attempt counted, as a claim would leave it; false, storing nothing, when that round has a
     * delivery already or the organisation's deliveries are paused (the caller then stores it pending).
     */
    boolean insertLeased(UUID id, UUID caseId, String step, int round, String organisation, String payload, Instant now,
            Instant submittedAt, String node, Instant leaseUntil) {
        return jdbc.sql("""
                INSERT INTO delivery (id, case_id, step, round, organisation, mode, state, payload, attempts, next_attempt_at,
                                      created_at, submitted_at, lease_until, leased_by)
                SELECT CAST(:id AS UUID), CAST(:case AS UUID), CAST(:step AS VARCHAR(64)), CAST(:round AS INTEGER),
                       CAST(:organisation AS VARCHAR(64)), 'PUSH', 'IN_FLIGHT', CAST(:payload AS jsonb), 1,
                       CAST(:until AS TIMESTAMP WITH TIME ZONE), CAST(:now AS TIMESTAMP WITH TIME ZONE),
                       CAST(:submitted AS TIMESTAMP WITH TIME ZONE), CAST(:until AS TIMESTAMP WITH TIME ZONE),
                       CAST(:node AS VARCHAR(64))
                WHERE NOT EXISTS (SELECT 1 FROM delivery_pause WHERE organisation = :organisation)
                ON CONFLICT DO NOTHING""")
                .param("id", id).param("case", caseId).param("step", step).param("round", round)
                .param("organisation", organisation).param("payload", payload).param("until", ts(leaseUntil))
                .param("now", ts(now)).param("submitted", ts(submittedAt)).param("node", node)
                .update() == 1;
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
            // next due when the lease runs out: a claimed row leaves the due range, so the next claim does not pass over it
            jdbc.sql("UPDATE delivery SET state = 'IN_FLIGHT', lease_until = :until, next_attempt_at = :until, leased_by = :node, "
                    + "attempts = attempts + 1 WHERE id IN (:ids)")
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

    /**
     * Applies push results to deliveries this node holds, one batched statement per kind of result;
     * returns for each its result ({@code delivered}, {@code dead}, {@code retry}), or {@code late}
     * when the delivery was no longer this node's (its lease ran out and another took it).
     */
    List<String> settle(List<Settlement> settlements, String node) {
        List<String> results = new ArrayList<>(settlements.size());
        Map<String, List<Integer>> byResult = new HashMap<>();
        for (int i = 0; i < settlements.size(); i++) {
            results.add("late");
            byResult.computeIfAbsent(settlements.get(i).result(), r -> new ArrayList<>()).add(i);
        }
        byResult.forEach((result, positions) -> {
            List<Object[]> rows = new ArrayList<>(positions.size());
            for (int position : positions) {
                Settlement s = settlements.get(position);
                rows.add(switch (result) {
                    case "delivered" -> new Object[] {ts(s.at()), s.id(), node};
                    case "retry" -> new Object[] {ts(s.next()), truncate(s.error()), s.id(), node};
                    default -> new Object[] {truncate(s.error()), s.id(), node};
                });
            }
            int[] updated = batches.batchUpdate(switch (result) {
                case "delivered" -> DELIVERED;
                case "retry" -> RETRY;
                default -> DEAD;
            }, rows);
            for (int i = 0; i < positions.size(); i++) {
                if (updated[i] == 1) {
                    results.set(positions.get(i), result);
                }
            }
        });
        return results;
    }

    boolean acknowledged(UUID id, String organisation, Instant now) {
        return jdbc.sql("UPDATE delivery SET state = 'DELIVERED', delivered_at = ?, lease_until = NULL "
                + "WHERE id = ? AND organisation = ? AND mode = 'PULL' AND state IN ('PENDING', 'IN_FLIGHT')")
                .params(ts(now), id, organisation).update() == 1;
    }

    boolean replay(UUID id, Instant now) {
        return jdbc.sql("UPDATE delivery SET state = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = NULL "
                + "WHERE id = ? AND state = 'DEAD'").params(ts(now), id).update() == 1;
    }

    /** Records attempts, each numbered after its delivery's earlier ones (also those before a replay), in one batch. */
    void attempts(List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        // nulls typed here, so the driver is not asked for the parameters' types
        batches.batchUpdate(ATTEMPT, attempts.stream().map(a -> new Object[] {a.deliveryId(), ts(a.at()), a.result(),
                new SqlParameterValue(Types.INTEGER, a.statusCode()), new SqlParameterValue(Types.VARCHAR, truncate(a.error())),
                a.durationMs(), a.deliveryId()}).toList());
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

    /**
     * Records the outcome; a signed one with its proof (the token as sent, its format and digest), else nulls.
     * Says false, recording nothing, when the delivery has an outcome already.
     */
    boolean outcome(UUID id, String outcome, String hash, Instant now, String proof, String proofFormat, String proofDigest) {
        return jdbc.sql("INSERT INTO delivery_outcome (delivery_id, outcome, body_hash, received_at, proof, proof_format, "
                + "proof_digest) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(id, outcome, hash, ts(now), new SqlParameterValue(Types.VARCHAR, proof),
                        new SqlParameterValue(Types.VARCHAR, proofFormat), new SqlParameterValue(Types.VARCHAR, proofDigest))
                .update() == 1;
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
