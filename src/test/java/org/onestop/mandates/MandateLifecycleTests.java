package org.onestop.mandates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.mandates.MandateApi.manager;
import static org.onestop.mandates.MandateApi.ok;
import static org.onestop.mandates.MandateApi.problem;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.mandates.MandateApi.Member;
import org.onestop.network.OrganisationKind;
import org.onestop.network.Organisations;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/** Request, confirm, revoke, list and history over real HTTP, on the real database. */
@OneStopTest
@TestPropertySource(properties = "onestop.base-url=" + MandateApi.BASE_URL)
class MandateLifecycleTests {

    static final String SERVICE = DemoNetworkFixture.SERVICE;
    static final String APPLICATIONS = "/api/v1/services/" + SERVICE + "/applications";
    static final Member AGENT = Member.of("agent-a", OrganisationKind.INTERMEDIARY);
    static final Member OTHER_AGENT = Member.of("agent-b", OrganisationKind.INTERMEDIARY);
    static final Member BANK = Member.of("bank-x", OrganisationKind.PRIVATE_PARTNER);
    private static final AtomicInteger PRINCIPALS = new AtomicInteger();

    @Value("${local.server.port}")
    int port;
    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    Organisations organisations;
    @Autowired
    Mandates mandates;
    @Autowired
    JdbcClient jdbc;

    MandateApi api;
    LocalDate today;

    @BeforeEach
    void network() {
        DemoNetworkFixture.load(definitions);
        List.of(AGENT, OTHER_AGENT, BANK).forEach(member -> organisations.save(member.organisation()));
        api = new MandateApi(port);
        today = LocalDate.now(ZoneOffset.UTC);
    }

    @Test
    void an_intermediary_requests_a_mandate_the_principal_confirms_it_and_the_check_then_allows() {
        String principal = newPrincipal();
        JsonNode requested = ok(request(AGENT, principal, today, today.plusYears(1)), 201);

        assertThat(requested.get("status").asString()).isEqualTo("requested");
        assertThat(requested.get("agent").asString()).isEqualTo(AGENT.code());
        assertThat(requested.get("principalName").asString()).isEqualTo("Ada Lovelace");
        assertThat(requested.get("confirmationLink").asString()).matches("/mandates/confirm/[A-Za-z0-9_-]{43}");
        assertThat(mandates.check(AGENT.code(), principal, SERVICE, today).refusal()).isEqualTo(MandateRefusal.NOT_CONFIRMED);

        JsonNode confirmed = ok(api.post("/api/v1/mandates:confirm", null, tokenBody(requested)), 200);

        assertThat(confirmed.get("status").asString()).isEqualTo("active");
        assertThat(confirmed.get("confirmedAt").asString()).isNotBlank();
        MandateDecision decision = mandates.check(AGENT.code(), principal, SERVICE, today);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.mandateId()).hasToString(requested.get("id").asString());
        assertThat(mandates.check(OTHER_AGENT.code(), principal, SERVICE, today).refusal())
                .isEqualTo(MandateRefusal.NO_MANDATE);
    }

    @Test
    void the_check_refuses_with_each_reason_for_mandates_made_over_http() {
        String requestedOnly = newPrincipal();
        ok(request(AGENT, requestedOnly, today, today.plusYears(1)), 201);
        assertThat(refusal(requestedOnly, SERVICE)).isEqualTo(MandateRefusal.NOT_CONFIRMED);

        String later = newPrincipal();
        confirm(ok(request(AGENT, later, today.plusDays(10), today.plusYears(1)), 201));
        assertThat(refusal(later, SERVICE)).isEqualTo(MandateRefusal.NOT_YET_VALID);
        assertThat(refusal(later, "another-service")).isEqualTo(MandateRefusal.OTHER_SERVICE);

        String past = newPrincipal();
        JsonNode expired = confirm(ok(request(AGENT, past, today.minusDays(400), today.minusDays(30)), 201));
        assertThat(expired.get("status").asString()).isEqualTo("expired");
        assertThat(refusal(past, SERVICE)).isEqualTo(MandateRefusal.EXPIRED);

        String ended = newPrincipal();
        JsonNode active = confirm(ok(request(AGENT, ended, today, today.plusYears(1)), 201));
        assertThat(refusal(ended, SERVICE)).isNull();
        ok(api.post("/api/v1/mandates/" + active.get("id").asString() + ":revoke", AGENT.authorization(), ""), 200);
        assertThat(refusal(ended, SERVICE)).isEqualTo(MandateRefusal.REVOKED);

        assertThat(refusal(newPrincipal(), SERVICE)).isEqualTo(MandateRefusal.NO_MANDATE);
    }

    private MandateRefusal refusal(String principal, String service) {
        return mandates.check(AGENT.code(), principal, service, today).refusal();
    }

    @Test
    void intake_accepts_an_application_under_a_confirmed_mandate_and_refuses_it_once_revoked() {
        String principal = newPrincipal();
        String id = confirm(ok(request(AGENT, principal, today, today.plusYears(1)), 201)).get("id").asString();

        HttpResponse<String> accepted = api.post(APPLICATIONS, AGENT.authorization(), application(principal));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);

        ok(api.post("/api/v1/mandates/" + id + ":revoke", AGENT.authorization(), ""), 200);

        JsonNode refused = problem(api.post(APPLICATIONS, AGENT.authorization(), application(principal)), 403, "no-mandate");
        assertThat(refused.get("reason").asString()).isEqualTo("revoked");
        assertThat(refused.get("detail").asString()).contains(MandateRefusal.REVOKED.reason());
    }

    @Test
    void a_confirmation_token_works_once_only() {
        JsonNode requested = ok(request(AGENT, newPrincipal(), today, today.plusYears(1)), 201);
        ok(api.post("/api/v1/mandates:confirm", null, tokenBody(requested)), 200);

        problem(api.post("/api/v1/mandates:confirm", null, tokenBody(requested)), 409, "confirmation-used");
        problem(api.post("/api/v1/mandates:confirm", null, "{\"token\": \"" + "x".repeat(43) + "\"}"), 404,
                "confirmation-unknown");
        problem(api.post("/api/v1/mandates:confirm", null, "{\"token\": \"not a token\"}"), 404, "confirmation-unknown");
    }

    @Test
    void a_confirmation_token_expires_seven_days_after_the_request() {
        JsonNode requested = ok(request(AGENT, newPrincipal(), today, today.plusYears(1)), 201);
        jdbc.sql("UPDATE mandate SET requested_at = requested_at - INTERVAL '8' DAY WHERE id = ?")
                .param(UUID.fromString(requested.get("id").asString())).update();

        problem(api.post("/api/v1/mandates:confirm", null, tokenBody(requested)), 410, "confirmation-expired");
        assertThat(ok(api.get("/api/v1/mandates/" + requested.get("id").asString(), AGENT.authorization()), 200)
                .get("status").asString()).isEqualTo("requested");
    }

    @Test
    void only_an_intermediary_member_may_request_a_mandate() {
        problem(request(BANK, newPrincipal(), today, today.plusYears(1)), 403, "not-an-intermediary");
        problem(api.post("/api/v1/mandates", manager(), body(newPrincipal(), today, today.plusYears(1))), 403,
                "not-an-intermediary");
        problem(api.post("/api/v1/mandates", null, body(newPrincipal(), today, today.plusYears(1))), 401, "no-credentials");
    }

    @Test
    void another_agent_can_neither_see_nor_revoke_a_mandate() {
        String principal = newPrincipal();
        String id = confirm(ok(request(AGENT, principal, today, today.plusYears(1)), 201)).get("id").asString();

        problem(api.get("/api/v1/mandates/" + id, OTHER_AGENT.authorization()), 404, "not-found");
        problem(api.get("/api/v1/mandates/" + id + "/history", OTHER_AGENT.authorization()), 404, "not-found");
        problem(api.post("/api/v1/mandates/" + id + ":revoke", OTHER_AGENT.authorization(), ""), 404, "not-found");
        assertThat(ok(api.get("/api/v1/mandates?principal=" + principal, OTHER_AGENT.authorization()), 200)
                .get("total").asLong()).isZero();

        JsonNode own = ok(api.get("/api/v1/mandates?principal=" + principal, AGENT.authorization()), 200);
        assertThat(own.get("total").asLong()).isEqualTo(1);
        assertThat(own.get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(mandates.check(AGENT.code(), principal, SERVICE, today).allowed()).isTrue();
    }

    @Test
    void staff_see_every_agents_mandates_and_a_manager_revokes_on_the_principals_behalf() {
        String principal = newPrincipal();
        ok(request(OTHER_AGENT, principal, today, today.plusYears(1)), 201);
        String id = confirm(ok(request(AGENT, principal, today, today.plusYears(1)), 201)).get("id").asString();

        JsonNode all = ok(api.get("/api/v1/mandates?principal=" + principal, manager()), 200);
        assertThat(all.get("items")).extracting(m -> m.get("agent").asString())
                .containsExactlyInAnyOrder(AGENT.code(), OTHER_AGENT.code());

        JsonNode revoked = ok(api.post("/api/v1/mandates/" + id + ":revoke", manager(), ""), 200);

        assertThat(revoked.get("status").asString()).isEqualTo("revoked");
        assertThat(revoked.get("revokedBy").asString()).isEqualTo("manager");
        problem(api.post("/api/v1/mandates/" + id + ":revoke", AGENT.authorization(), ""), 409, "mandate-revoked");
    }

    @Test
    void the_history_lists_the_request_the_confirmation_and_the_revocation_in_order() {
        String principal = newPrincipal();
        String id = confirm(ok(request(AGENT, principal, today, today.plusYears(1)), 201)).get("id").asString();
        JsonNode revoked = ok(api.post("/api/v1/mandates/" + id + ":revoke", AGENT.authorization(), ""), 200);
        assertThat(revoked.get("revokedBy").asString()).isEqualTo("agent");

        JsonNode history = ok(api.get("/api/v1/mandates/" + id + "/history", AGENT.authorization()), 200);

        assertThat(history).extracting(e -> e.get("type").asString())
                .containsExactly("mandate-requested", "mandate-confirmed", "mandate-revoked");
        assertThat(history).extracting(e -> e.get("actor").asString())
                .containsExactly(AGENT.code(), principal, AGENT.code());
        assertThat(history).allSatisfy(event -> {
            assertThat(event.get("attributes").get("mandate").asString()).isEqualTo(id);
            assertThat(event.get("attributes").get("principal").asString()).isEqualTo(principal);
            assertThat(event.get("attributes").get("services").get(0).asString()).isEqualTo(SERVICE);
        });
        assertThat(ok(api.get("/api/v1/mandates/" + id + "/history", manager()), 200)).hasSize(3);
    }

    @Test
    void bad_requests_get_problems_naming_what_is_wrong() {
        String principal = newPrincipal();
        assertThat(problem(api.post("/api/v1/mandates", AGENT.authorization(), """
                {"principal": "%s", "principalName": "Ada", "services": ["no-such-service"],
                 "validFrom": "%s", "validTo": "%s"}""".formatted(principal, today, today.plusDays(5))), 422,
                "invalid-input").get("errors").get(0).get("path").asString()).isEqualTo("services[0]");
        assertThat(problem(request(AGENT, principal, today, today.minusDays(1)), 422, "invalid-input")
                .get("errors").get(0).get("path").asString()).isEqualTo("validTo");
        assertThat(problem(request(AGENT, principal, today, today.plusYears(2)), 422, "invalid-input")
                .get("detail").asString()).contains("at most 2 years");
        assertThat(problem(request(AGENT, "P".repeat(65), today, today.plusDays(1)), 422, "invalid-input")
                .get("errors").get(0).get("path").asString()).isEqualTo("principal");
        assertThat(problem(api.post("/api/v1/mandates", AGENT.authorization(), """
                {"principal": "%s", "principalName": "Ada", "services": ["%s"], "validFrom": "2026-02-30",
                 "validTo": "+999999999-12-31"}""".formatted(principal, SERVICE)), 422, "invalid-input")
                .get("errors")).extracting(e -> e.get("path").asString()).containsExactly("validFrom", "validTo");
        assertThat(problem(api.post("/api/v1/mandates", AGENT.authorization(), """
                {"principal": "%s", "principalName": "Ada", "services": [], "validFrom": "%s", "validTo": "%s",
                 "role": "boss"}""".formatted(principal, today, today)), 400, "malformed").get("detail").asString())
                .contains("role");
        problem(api.post("/api/v1/mandates", AGENT.authorization(), "{\"principal\": "), 400, "malformed");
        problem(api.post("/api/v1/mandates", AGENT.authorization(), "{}"), 422, "invalid-input");
        problem(api.post("/api/v1/mandates:confirm", null, "{}"), 404, "confirmation-unknown");
        problem(api.get("/api/v1/mandates/not-a-uuid", AGENT.authorization()), 400, "400");
        assertThat(ok(api.get("/api/v1/mandates?principal=" + principal, AGENT.authorization()), 200)
                .get("total").asLong()).isZero();
    }

    private HttpResponse<String> request(Member agent, String principal, LocalDate from, LocalDate to) {
        return api.post("/api/v1/mandates", agent.authorization(), body(principal, from, to));
    }

    private JsonNode confirm(JsonNode requested) {
        return ok(api.post("/api/v1/mandates:confirm", null, tokenBody(requested)), 200);
    }

    private static String application(String principal) {
        return """
                {"principal": {"kind": "business", "id": "%s", "name": "Ada Lovelace"}, "form": %s}"""
                .formatted(principal, DemoNetworkFixture.form("Mandated Ltd", "northfield"));
    }

    static String body(String principal, LocalDate from, LocalDate to) {
        return """
                {"principal": "%s", "principalName": "Ada Lovelace", "services": ["%s"],
                 "validFrom": "%s", "validTo": "%s"}""".formatted(principal, SERVICE, from, to);
    }

    static String tokenBody(JsonNode requested) {
        String link = requested.get("confirmationLink").asString();
        return "{\"token\": \"" + link.substring(link.lastIndexOf('/') + 1) + "\"}";
    }

    private static String newPrincipal() {
        return "P-" + UUID.randomUUID().toString().substring(0, 8) + "-" + PRINCIPALS.incrementAndGet();
    }
}
