package org.onestop.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.access.StaffAccounts;
import org.onestop.access.StaffRole;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.exchange.Receiver.Answer;
import org.onestop.intake.Channel;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Principal;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.network.OrganisationKind;
import org.onestop.network.Organisations;
import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.testing.ApiClient;
import org.onestop.testing.ApiClient.Response;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.MemberSystem;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/** The circuit breaker and the pause hold pushes back from a receiver, over real HTTP, and let them go again. */
@OneStopTest
@TestPropertySource(properties = {"onestop.exchange.push.backoff-base=PT0.05S", "onestop.exchange.push.poll=PT0.1S",
        "onestop.exchange.push.max-attempts=10", "onestop.exchange.push.breaker.failures=2",
        "onestop.exchange.push.breaker.cool-down=PT2S"})
class PushProtectionTests {

    static final String PASSWORD = "operator-password-1";
    static final String REGISTRY = "business-registry";

    @Value("${local.server.port}")
    int port;
    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    Organisations organisations;
    @Autowired
    SubmittingApplication intake;
    @Autowired
    Deliveries deliveries;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    EventLog events;

    Receiver registry;

    @BeforeEach
    void network() {
        DemoNetworkFixture.load(definitions);
        registry = new Receiver();
        MemberSystem.registerPushedTo(organisations, REGISTRY, OrganisationKind.PUBLIC_AGENCY, registry.url());
        for (String[] operator : new String[][] {{"registry-operator", REGISTRY}, {"tax-operator", "tax-agency"}}) {
            if (accounts.find(operator[0]).isEmpty()) {
                accounts.create(operator[0], PASSWORD, StaffRole.OPERATOR, operator[1]);
            }
        }
    }

    @AfterEach
    void stopReceiver() {
        registry.close();
    }

    @Test
    void failures_open_the_breaker_which_holds_pushes_back_until_a_trial_after_the_cool_down_succeeds() {
        registry.answering(Answer.of(503), Answer.of(503));
        UUID first = apply("Breaker One Ltd");
        awaitValue(() -> registry.received().size(), n -> n == 2);
        awaitValue(this::metrics, text -> text.contains(gauge(1)));

        UUID second = apply("Breaker Two Ltd");
        sleep(800);
        assertThat(registry.received()).as("nothing is pushed while the breaker is open").hasSize(2);
        assertThat(deliveryOf(second).attempts()).isZero();

        Delivery delivered = awaitValue(() -> deliveryOf(first), d -> d.state() == DeliveryState.DELIVERED);
        awaitValue(() -> deliveryOf(second), d -> d.state() == DeliveryState.DELIVERED);
        assertThat(delivered.attempts()).isEqualTo(3);
        List<Receiver.Received> tries = registry.received();
        assertThat(tries.get(2).atMillis() - tries.get(1).atMillis()).as("the trial waits for the cool-down")
                .isGreaterThanOrEqualTo(1800);
        // the trial is whichever delivery is due first after the cool-down: the failed one's retry or the held one
        assertThat(tries.get(2).idempotencyKey()).isIn(delivered.id().toString(), deliveryOf(second).id().toString());
        assertThat(deliveries.attempts(delivered.id())).extracting(DeliveryAttempt::result)
                .containsExactly("retry", "retry", "delivered");
        awaitValue(this::metrics, text -> text.contains(gauge(0)));
    }

    @Test
    void nothing_is_pushed_while_an_organisations_deliveries_are_paused_and_all_goes_after_resume() {
        Response paused = ApiClient.asManager(port).post(action("pause"), "application/json", "");
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(ApiClient.asManager(port).post(action("pause"), "application/json", "").json().path("changed").asBoolean())
                .isFalse();

        UUID caseId = apply("Paused Ltd");
        sleep(1000);
        assertThat(registry.received()).isEmpty();
        Delivery waiting = deliveryOf(caseId);
        assertThat(waiting.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(waiting.attempts()).isZero();

        ApiClient otherOperator = ApiClient.withBasic(port, "tax-operator", PASSWORD);
        assertThat(otherOperator.post(action("resume"), "application/json", "").status()).isEqualTo(404);
        Response resumed = ApiClient.withBasic(port, "registry-operator", PASSWORD).post(action("resume"), "application/json", "");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);

        awaitValue(() -> deliveryOf(caseId), d -> d.state() == DeliveryState.DELIVERED);
        assertThat(events.ofOrganisation(REGISTRY, List.of("deliveries-paused", "deliveries-resumed")))
                .extracting(Event::type, Event::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("deliveries-paused", ApiClient.MANAGER),
                        org.assertj.core.groups.Tuple.tuple("deliveries-resumed", "registry-operator"));
    }

    @Test
    void pausing_an_unknown_organisation_is_not_found() {
        assertThat(ApiClient.asManager(port).post("/api/v1/deliveries/organisations/nobody:pause", "application/json", "")
                .status()).isEqualTo(404);
    }

    private static String action(String what) {
        return "/api/v1/deliveries/organisations/" + REGISTRY + ":" + what;
    }

    private static String gauge(int value) {
        return "onestop_exchange_breaker_open{organisation=\"" + REGISTRY + "\"} " + value + ".0";
    }

    private String metrics() {
        return ApiClient.anonymous(port).get("/actuator/prometheus").body();
    }

    private Delivery deliveryOf(UUID caseId) {
        for (DeliveryState state : DeliveryState.values()) {
            for (Delivery d : deliveries.of(REGISTRY, state, 1000)) {
                if (d.caseId().equals(caseId)) {
                    return d;
                }
            }
        }
        return null;
    }

    private UUID apply(String name) {
        Submission submission = intake.submit(new NewApplication(DemoNetworkFixture.SERVICE,
                new Principal(Principal.Kind.BUSINESS, "B-" + UUID.randomUUID().toString().substring(0, 8), name),
                DemoNetworkFixture.form(name, "northfield"), Channel.PORTAL, null, "applicant", null));
        return ((Submission.Accepted) submission).receipt().id();
    }

    static <T> T awaitValue(Supplier<T> read, Predicate<T> done) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T value = read.get();
        while (value == null || !done.test(value)) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not reached in time; last seen: " + value);
            }
            sleep(50);
            value = read.get();
        }
        return value;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
