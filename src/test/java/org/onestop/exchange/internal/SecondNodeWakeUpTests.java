package org.onestop.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.exchange.Receiver;
import org.onestop.intake.Channel;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Principal;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.keys.PlatformKeys;
import org.onestop.network.OrganisationKind;
import org.onestop.network.Organisations;
import org.onestop.platform.EventLog;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.MemberSystem;
import org.onestop.testing.OneStopTest;
import org.onestop.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL, the notification that delivery creation sends reaches the other nodes: this
 * application (node A) does not push at all, and a second node's listener and pusher (node B,
 * built here on the same database, polling only every 30 s) push the delivery A created as soon
 * as A's transaction commits.
 */
@OneStopTest
@TestPropertySource(properties = {"onestop.exchange.push.enabled=false", "onestop.exchange.push.notify-channel=second_node_tests"})
class SecondNodeWakeUpTests {

    private static final Duration POLL = Duration.ofSeconds(30);
    private static final Duration WELL_BEFORE_THE_POLL = Duration.ofSeconds(5);

    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    Organisations organisations;
    @Autowired
    SubmittingApplication intake;
    @Autowired
    DeliveryRegister register;
    @Autowired
    DeliveryNotifications thisNodesNotifications;
    @Autowired
    PlatformKeys keys;
    @Autowired
    EventLog eventLog;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DeliveryLatency latency;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    Receiver registry;
    PushWorker secondNodesPusher;
    DeliveryNotifications secondNodesListener;

    @BeforeEach
    void network() {
        DemoNetworkFixture.load(definitions);
        registry = new Receiver();
        MemberSystem.registerPushedTo(organisations, "business-registry", OrganisationKind.PUBLIC_AGENCY, registry.url());
    }

    @AfterEach
    void stop() {
        if (secondNodesListener != null) {
            secondNodesListener.stop();
        }
        if (secondNodesPusher != null) {
            secondNodesPusher.stop();
        }
        registry.close();
    }

    @Test
    void a_delivery_created_on_one_node_is_pushed_by_another_woken_by_the_notification() throws Exception {
        assertThat(thisNodesNotifications.listening()).as("this node neither pushes nor listens").isFalse();
        if (!TestDatabase.onPostgres()) {
            return; // H2 is one node: there is no other node to notify
        }
        Clock clock = Clock.systemUTC();
        secondNodesPusher = new PushWorker(register, new PushGate(clock, 4, 5, Duration.ofSeconds(30), null), organisations, keys,
                eventLog, transaction, clock, true, Duration.ofSeconds(60), POLL, 8, Duration.ofSeconds(1), Duration.ofMinutes(10), 8,
                new SimpleMeterRegistry(), latency);
        secondNodesListener = new DeliveryNotifications(dataSource, jdbc, secondNodesPusher, "second_node_tests", true);
        secondNodesPusher.start();
        secondNodesListener.start();
        awaitListening(secondNodesListener);
        Thread.sleep(500); // the second node's first look for due work (at start and on listening) is over: next is the poll

        Submission submission = intake.submit(new NewApplication(DemoNetworkFixture.SERVICE,
                new Principal(Principal.Kind.BUSINESS, "B-" + UUID.randomUUID().toString().substring(0, 8), "Notified Ltd"),
                DemoNetworkFixture.form("Notified Ltd", "northfield"), Channel.PORTAL, null, "applicant", null));
        assertThat(submission).isInstanceOf(Submission.Accepted.class);

        List<Receiver.Received> received = awaitReceived(WELL_BEFORE_THE_POLL);
        assertThat(received).as("pushed within " + WELL_BEFORE_THE_POLL + ", the poll being " + POLL).hasSize(1);
        UUID deliveryId = UUID.fromString(received.get(0).idempotencyKey());
        assertThat(jdbc.sql("SELECT leased_by FROM delivery WHERE id = ?").param(deliveryId).query(String.class).single())
                .as("pushed by the second node").isEqualTo(secondNodesPusher.node);
    }

    private static void awaitListening(DeliveryNotifications listener) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!listener.listening() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(listener.listening()).isTrue();
    }

    private List<Receiver.Received> awaitReceived(Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (registry.received().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return registry.received();
    }
}
