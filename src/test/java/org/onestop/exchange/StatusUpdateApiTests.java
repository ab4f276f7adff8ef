package org.onestop.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.cases.ApplicantUpdate;
import org.onestop.cases.UpdatingApplicants;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.intake.Channel;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Principal;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.network.Organisation;
import org.onestop.network.OrganisationKind;
import org.onestop.network.Organisations;
import org.onestop.network.ReceivingMode;
import org.onestop.testing.ApiClient;
import org.onestop.testing.ApiClient.Response;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.MemberSystem;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member system sends the applicant a status update about the step of one of its deliveries,
 * over real HTTP: created, replayed with the same key, refused for a stranger, a bad message or a
 * step that has ended, always as problem+json.
 */
@OneStopTest
@TestPropertySource(properties = {"onestop.exchange.push.backoff-base=PT0.05S", "onestop.exchange.push.poll=PT0.1S",
        "onestop.exchange.push.max-attempts=3", "onestop.exchange.pull.lease=PT1S"})
class StatusUpdateApiTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    UpdatingApplicants updates;
    @Autowired
    JdbcClient jdbc;

    MemberSystem registrySystem;
    MemberSystem bankSystem;

    @BeforeEach
    void network() {
        DemoNetworkFixture.load(definitions);
        registrySystem = MemberSystem.register(organisations, "business-registry", OrganisationKind.PUBLIC_AGENCY);
        receiveBy("business-registry", ReceivingMode.PULL);
        bankSystem = MemberSystem.register(organisations, "northbank", OrganisationKind.PRIVATE_PARTNER);
        receiveBy("northbank", ReceivingMode.PULL);
    }

    @Test
    void an_organisation_sends_the_applicant_an_update_once_however_often_it_retries() {
        UUID caseId = apply("Updated Ltd");
        Delivery delivery = registrationOf(caseId);
        ApiClient registry = ApiClient.asMember(port, registrySystem);
        String path = "/api/v1/deliveries/" + delivery.id() + "/status-update";

        Response created = registry.post(path, "application/json",
                "{\"message\": \"  We have your documents <b>and</b> start tomorrow.\\r\\nThank you.  \"}", "update-1");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.path("delivery").asString()).isEqualTo(delivery.id().toString());
        assertThat(body.path("step").asString()).isEqualTo("register-company");
        assertThat(body.path("round").asInt()).isEqualTo(1);
        // trimmed, line breaks as \n, kept as written otherwise (escaped where it is shown)
        assertThat(body.path("message").asString()).isEqualTo("We have your documents <b>and</b> start tomorrow.\nThank you.");
        assertThat(body.path("replayed").asBoolean()).isFalse();

        Response again = registry.post(path, "application/json",
                "{\"message\": \"We have your documents <b>and</b> start tomorrow.\\nThank you.\"}", "update-1");
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("id").asString()).isEqualTo(body.path("id").asString());
        assertThat(again.json().path("replayed").asBoolean()).isTrue();

        Response reused = registry.post(path, "application/json", "{\"message\": \"Something else\"}", "update-1");
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.contentType()).startsWith("application/problem+json");
        assertThat(reused.json().path("reason").asString()).isEqualTo("idempotency-key-reused");

        // exactly 500 characters is fine; without a key every post is a new update
        Response longest = registry.post(path, "application/json", "{\"message\": \"" + "x".repeat(500) + "\"}");
        assertThat(longest.status()).as(longest.body()).isEqualTo(201);

        List<ApplicantUpdate> sent = updates.of(caseId);
        assertThat(sent).extracting(ApplicantUpdate::organisation).containsExactly("business-registry", "business-registry");
        assertThat(sent.get(0).message()).startsWith("We have your documents");
        assertThat(sent.get(0).sentAt()).isBeforeOrEqualTo(sent.get(1).sentAt());
        // one event per update, of the case and step, by the organisation, with the text in its attributes
        List<String> events = jdbc.sql("SELECT attributes FROM event_log WHERE type = 'applicant-updated' AND case_id = ? "
                + "AND step = 'register-company' AND organisation = 'business-registry' ORDER BY id").param(caseId)
                .query(String.class).list();
        assertThat(events).hasSize(2);
        assertThat(JSON.readTree(events.get(0)).path("message").asString()).startsWith("We have your documents");
        assertThat(JSON.readTree(events.get(0)).path("round").asInt()).isEqualTo(1);
    }

    @Test
    void strangers_bad_messages_and_ended_steps_are_refused_as_problems() {
        UUID caseId = apply("Refused Ltd");
        Delivery delivery = registrationOf(caseId);
        String path = "/api/v1/deliveries/" + delivery.id() + "/status-update";
        String fine = "{\"message\": \"On its way\"}";

        Response anonymous = ApiClient.anonymous(port).post(path, "application/json", fine);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        // another organisation's delivery is not found, as for every delivery request: nobody learns which exist
        Response stranger = ApiClient.asMember(port, bankSystem).post(path, "application/json", fine);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.contentType()).startsWith("application/problem+json");
        // staff use the console, not the members' delivery API
        assertThat(ApiClient.asManager(port).post(path, "application/json", fine).status()).isEqualTo(404);

        ApiClient registry = ApiClient.asMember(port, registrySystem);
        for (String empty : List.of("{\"message\": \"\"}", "{\"message\": \"   \"}", "{}", "")) {
            Response refused = registry.post(path, "application/json", empty);
            assertThat(refused.status()).as(empty).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("errors").get(0).path("path").asString()).isEqualTo("message");
        }
        Response tooLong = registry.post(path, "application/json", "{\"message\": \"" + "y".repeat(501) + "\"}");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("500 characters or fewer");
        Response notJson = registry.post(path, "application/json", "{\"message\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
        Response badKey = registry.post(path, "application/json", fine, "key with spaces");
        assertThat(badKey.status()).isEqualTo(422);

        Response done = registry.post("/api/v1/deliveries/" + delivery.id() + "/outcome", "application/json",
                "{\"status\": \"completed\", \"output\": {\"registryNumber\": \"11223344\"}}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        Response late = registry.post(path, "application/json", fine);
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(late.json().path("detail").asString()).contains("completed");
        assertThat(updates.of(caseId)).isEmpty();
    }

    private Delivery registrationOf(UUID caseId) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            for (DeliveryState state : DeliveryState.values()) {
                for (Delivery d : deliveries.of("business-registry", state, 1000)) {
                    if (d.caseId().equals(caseId) && d.step().equals("register-company")) {
                        return d;
                    }
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no delivery of register-company for " + caseId);
    }

    private void receiveBy(String code, ReceivingMode mode) {
        Organisation o = organisations.find(code).orElseThrow();
        organisations.save(new Organisation(o.code(), o.name(), o.kind(), o.status(), mode, null, o.jwks()));
    }

    private UUID apply(String name) {
        Submission submission = intake.submit(new NewApplication(DemoNetworkFixture.SERVICE,
                new Principal(Principal.Kind.BUSINESS, "B-" + UUID.randomUUID().toString().substring(0, 8), name),
                DemoNetworkFixture.form(name, "northfield"), Channel.PORTAL, null, "applicant", null));
        return ((Submission.Accepted) submission).receipt().id();
    }
}
