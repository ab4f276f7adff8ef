package org.onestop.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The pusher's answers, recorded several at a time: each applies only to a delivery the node still holds. */
@OneStopTest
class DeliveryRegisterTests {

    @Autowired
    DeliveryRegister register;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void a_rounds_answers_are_settled_together_and_one_for_a_delivery_another_node_holds_is_late() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID delivered = inFlight("node-a", now);
        UUID retried = inFlight("node-a", now);
        UUID dead = inFlight("node-a", now);
        UUID takenOver = inFlight("node-b", now); // node-a's lease ran out and node-b claimed it
        register.attempts(List.of(new DeliveryRegister.Attempt(delivered, now.minusSeconds(5), "retry", 503, "HTTP 503", 3)));

        List<String> results = transaction.execute(status -> {
            List<String> settled = register.settle(List.of(
                    DeliveryRegister.Settlement.delivered(delivered, now),
                    DeliveryRegister.Settlement.retry(retried, now.plusSeconds(30), "HTTP 503"),
                    DeliveryRegister.Settlement.dead(dead, "HTTP 400"),
                    DeliveryRegister.Settlement.delivered(takenOver, now)), "node-a");
            register.attempts(List.of(
                    new DeliveryRegister.Attempt(delivered, now, settled.get(0), 200, null, 2),
                    new DeliveryRegister.Attempt(retried, now, settled.get(1), 503, "HTTP 503", 2),
                    new DeliveryRegister.Attempt(dead, now, settled.get(2), 400, "HTTP 400", 2),
                    new DeliveryRegister.Attempt(takenOver, now, settled.get(3), 200, null, 2)));
            return settled;
        });

        assertThat(results).containsExactly("delivered", "retry", "dead", "late");
        assertThat(state(delivered)).isEqualTo("DELIVERED");
        assertThat(state(retried)).isEqualTo("PENDING");
        assertThat(state(dead)).isEqualTo("DEAD");
        assertThat(state(takenOver)).as("left to the node that holds it").isEqualTo("IN_FLIGHT");
        assertThat(jdbc.sql("SELECT next_attempt_at FROM delivery WHERE id = ?").param(retried).query(java.sql.Timestamp.class)
                .single().toInstant()).isEqualTo(now.plusSeconds(30));
        assertThat(attempts(delivered)).as("numbered after the earlier attempt").containsExactly("1 retry 503", "2 delivered 200");
        assertThat(attempts(takenOver)).containsExactly("1 late 200");
        assertThat(attempts(dead)).containsExactly("1 dead 400");
    }

    private UUID inFlight(String node, Instant now) {
        UUID id = UUID.randomUUID();
        // stored not yet due, so that this context's own pusher cannot claim it before it is put in flight below
        register.insert(id, UUID.randomUUID(), "register-company", 1, "business-registry", "PUSH", "{}", now.plusSeconds(3600), null);
        jdbc.sql("UPDATE delivery SET state = 'IN_FLIGHT', leased_by = ?, lease_until = ?, next_attempt_at = ?, attempts = 1 WHERE id = ?")
                .params(node, DeliveryRegister.ts(now.plusSeconds(60)), DeliveryRegister.ts(now.plusSeconds(60)), id).update();
        return id;
    }

    private String state(UUID id) {
        return jdbc.sql("SELECT state FROM delivery WHERE id = ?").param(id).query(String.class).single();
    }

    private List<String> attempts(UUID id) {
        return jdbc.sql("SELECT attempt, result, status_code FROM delivery_attempt WHERE delivery_id = ? ORDER BY attempt")
                .param(id).query((rs, row) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getInt(3)).list();
    }
}
