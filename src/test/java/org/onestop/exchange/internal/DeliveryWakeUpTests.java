package org.onestop.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

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
import org.onestop.network.OrganisationKind;
import org.onestop.network.Organisations;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.MemberSystem;
import org.onestop.testing.OneStopTest;
import org.onestop.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * A new delivery is pushed at once, not at the next poll (here 30 s): by this node after its
 * transaction commits, and, on PostgreSQL, by a node that only hears of it through NOTIFY.
 */
@OneStopTest
@TestPropertySource(properties = {"onestop.exchange.push.poll=PT30S", "onestop.exchange.push.notify-channel=wake_up_tests"})
class DeliveryWakeUpTests {

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
    DeliveryNotifications notifications;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    Receiver registry;

    @BeforeEach
    void network() {
        DemoNetworkFixture.load(definitions);
        registry = new Receiver();
        MemberSystem.registerPushedTo(organisations, "business-registry", OrganisationKind.PUBLIC_AGENCY, registry.url());
    }

    @AfterEach
    void stopReceiver() {
        registry.close();
    }

    @Test
    void a_delivery_created_on_this_node_is_pushed_at_once() {
        Submission submission = intake.submit(new NewApplication(DemoNetworkFixture.SERVICE,
                new Principal(Principal.Kind.BUSINESS, "B-" + UUID.randomUUID().toString().substring(0, 8), "Prompt Ltd"),
                DemoNetworkFixture.form("Prompt Ltd", "northfield"), Channel.PORTAL, null, "applicant", null));
        assertThat(submission).isInstanceOf(Submission.Accepted.class);

        awaitReceived(1, WELL_BEFORE_THE_POLL);
    }

    @Test
    void a_notification_from_another_node_wakes_this_nodes_pusher() throws Exception {
        if (!TestDatabase.onPostgres()) {
            assertThat(notifications.listening()).as("H2 has one node and no listener").isFalse();
            return;
        }
        awaitListening();
        // A delivery written as another node would write it, without waking this node's pusher.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        register.insert(UUID.randomUUID(), UUID.randomUUID(), "register-company", 1, "business-registry", "PUSH",
                "{\"from\": \"another node\"}", now, null);
        Thread.sleep(1500);
        assertThat(registry.received()).as("not pushed before anyone is told").isEmpty();

        try (Connection otherNode = DriverManager.getConnection(databaseUrl, "postgres", "");
                Statement statement = otherNode.createStatement()) {
            statement.execute("NOTIFY wake_up_tests");
        }

        awaitReceived(1, WELL_BEFORE_THE_POLL);
    }

    private void awaitListening() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!notifications.listening() && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(notifications.listening()).isTrue();
    }

    private void awaitReceived(int count, Duration within) {
        long until = System.nanoTime() + within.toNanos();
        while (registry.received().size() < count && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Receiver.Received> received = registry.received();
        assertThat(received).as("pushed within " + within).hasSizeGreaterThanOrEqualTo(count);
    }
}
