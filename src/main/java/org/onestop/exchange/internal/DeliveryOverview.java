package org.onestop.exchange.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.onestop.exchange.Delivery;
import org.onestop.exchange.DeliveryAttempt;
import org.onestop.exchange.DeliveryState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What staff see of the deliveries: counts, the stuck ones, and each one's attempts. */
@Repository
class DeliveryOverview {

    private final JdbcClient jdbc;

    DeliveryOverview(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Map<DeliveryState, Long>> countsByOrganisation() {
        Map<String, Map<DeliveryState, Long>> counts = new TreeMap<>();
        jdbc.sql("SELECT organisation, state, COUNT(*) AS n FROM delivery GROUP BY organisation, state")
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString("organisation"), code -> new EnumMap<>(DeliveryState.class))
                            .put(DeliveryState.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return counts;
    }

    /** Pending and due before {@code before}, or in flight with a lease that ran out before it. */
    List<Delivery> stuck(String organisation, Instant before, int limit) {
        return jdbc.sql("SELECT " + DeliveryRegister.COLUMNS + " FROM delivery WHERE organisation = :organisation AND ("
                        + "(state = 'PENDING' AND next_attempt_at < :before) OR (state = 'IN_FLIGHT' AND lease_until < :before)) "
                        + "ORDER BY next_attempt_at FETCH FIRST :limit ROWS ONLY")
                .param("organisation", organisation).param("before", DeliveryRegister.ts(before)).param("limit", limit)
                .query(DeliveryRegister::map).list();
    }

    List<DeliveryAttempt> attempts(UUID id) {
        return jdbc.sql("SELECT attempt, at, result, status_code, error, duration_ms FROM delivery_attempt "
                        + "WHERE delivery_id = ? ORDER BY attempt")
                .param(id)
                .query((rs, row) -> new DeliveryAttempt(rs.getInt("attempt"), rs.getTimestamp("at").toInstant(),
                        rs.getString("result"), rs.getObject("status_code", Integer.class), rs.getString("error"),
                        rs.getLong("duration_ms")))
                .list();
    }
}
