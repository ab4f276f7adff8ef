package org.onestop.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.exchange.DeliveryPauses;
import org.onestop.exchange.Receiver;
import org.onestop.intake.Channel;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Principal;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.network.OrganisationKind;
import org.onestop.network.Organisations;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.MemberSystem;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A delivery created while this node has room to push it is stored already leased to this node
 * and pushed once its transaction commits, with no claim in between; otherwise (a paused
 * organisation, a transaction rolled back) nothing is held for it.
 */
@OneStopTest
@TestPropertySource(properties = {"onestop.exchange.push.poll=PT30S", "onestop.exchange.push.notify-channel=hand_off_tests"})
class DeliveryHandOffTests {

    private static final String REGISTRY = "business-registry";
    private static final Duration WELL_BEFORE_THE_POLL = Duration.ofSeconds(5);

    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    Organisations organisations;
    @Autowired
    SubmittingApplication intake;
    @Autowired
    DeliveryPauses pauses;
    @Autowired
    PushWorker pusher;
    @Autowired
    PushGate gate;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    Receiver registry;

    @BeforeEach
    void network() {
        DemoNetworkFixture.load(definitions);
        registry = new Receiver();
        MemberSystem.registerPushedTo(organisations, REGISTRY, OrganisationKind.PUBLIC_AGENCY, registry.url());
    }

    @AfterEach
    void cleanUp() {
        pauses.resume(REGISTRY, "tests");
        registry.close();
    }

    @Test
    void a_delivery_made_while_the_pool_has_room_is_stored_leased_to_this_node_and_pushed_after_commit() {
        Map<String, Object> stored = transaction.execute(status -> registryDelivery(submit("Leased Ltd")));
        assertThat(stored).containsEntry("state", "IN_FLIGHT").containsEntry("leased_by", pusher.node)
                .containsEntry("attempts", 1);
        assertThat(stored.get("lease_until")).isNotNull();

        awaitReceived(1);
        UUID delivery = (UUID) stored.get("id");
        assertThat(registry.received().get(0).idempotencyKey()).isEqualTo(delivery.toString());
        awaitState(delivery, "DELIVERED");
        assertThat(jdbc.sql("SELECT count(*) FROM delivery_attempt WHERE delivery_id = ?").param(delivery).query(Integer.class)
                .single()).as("one attempt, numbered once").isEqualTo(1);
        assertThat(gate.inFlight(REGISTRY)).isZero();
    }

    @Test
    void a_rolled_back_transaction_leaves_no_delivery_and_gives_its_place_back() {
        UUID caseId = transaction.execute(status -> {
            UUID id = submit("Rolled Back Ltd");
            assertThat(registryDelivery(id)).containsEntry("state", "IN_FLIGHT");
            assertThat(gate.inFlight(REGISTRY)).as("held while the transaction is open").isEqualTo(1);
            status.setRollbackOnly();
            return id;
        });

        assertThat(gate.inFlight(REGISTRY)).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM delivery WHERE case_id = ?").param(caseId).query(Integer.class).single()).isZero();
        pause(1500);
        assertThat(registry.received()).isEmpty();
    }

    @Test
    void a_delivery_to_a_paused_organisation_is_stored_pending_and_pushed_once_resumed() {
        pauses.pause(REGISTRY, "tests");

        Map<String, Object> stored = transaction.execute(status -> registryDelivery(submit("Paused Ltd")));
        assertThat(stored).containsEntry("state", "PENDING").containsEntry("attempts", 0);
        assertThat(stored.get("leased_by")).isNull();
        assertThat(gate.inFlight(REGISTRY)).isZero();
        pause(1500);
        assertThat(registry.received()).isEmpty();

        pauses.resume(REGISTRY, "tests");
        awaitReceived(1);
        awaitState((UUID) stored.get("id"), "DELIVERED");
    }

    private UUID submit(String business) {
        Submission submission = intake.submit(new NewApplication(DemoNetworkFixture.SERVICE,
                new Principal(Principal.Kind.BUSINESS, "B-" + UUID.randomUUID().toString().substring(0, 8), business),
                DemoNetworkFixture.form(business, "northfield"), Channel.PORTAL, null, "applicant", null));
        assertThat(submission).isInstanceOf(Submission.Accepted.class);
        return ((Submission.Accepted) submission).receipt().id();
    }

    private Map<String, Object> registryDelivery(UUID caseId) {
        return jdbc.sql("SELECT id, state, leased_by, lease_until, attempts FROM delivery WHERE case_id = ? AND organisation = ?")
                .params(caseId, REGISTRY).query().singleRow();
    }

    private void awaitReceived(int count) {
        long until = System.nanoTime() + WELL_BEFORE_THE_POLL.toNanos();
        while (registry.received().size() < count && System.nanoTime() < until) {
            pause(20);
        }
        assertThat(registry.received()).as("pushed well before the poll").hasSize(count);
    }

    private void awaitState(UUID delivery, String state) {
        long until = System.nanoTime() + WELL_BEFORE_THE_POLL.toNanos();
        String current;
        do {
            current = jdbc.sql("SELECT state FROM delivery WHERE id = ?").param(delivery).query(String.class).single();
        } while (!current.equals(state) && System.nanoTime() < until && pause(20));
        assertThat(current).isEqualTo(state);
    }

    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
