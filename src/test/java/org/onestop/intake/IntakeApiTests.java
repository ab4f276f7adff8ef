package org.onestop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onestop.cases.StepResult;
import org.onestop.cases.WorkingOnCases;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.network.OrganisationKind;
import org.onestop.network.Organisations;
import org.onestop.testing.ApiClient;
import org.onestop.testing.ApiClient.Response;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.MemberSystem;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

@OneStopTest
class IntakeApiTests {

    static final String APPLICATIONS = "/api/v1/services/start-a-business/applications";
    static final String JSON = "application/json";

    @Value("${local.server.port}")
    int port;
    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    Organisations organisations;
    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkingOnCases work;
    ApiClient accountant;
    ApiClient bank;

    @BeforeEach
    void setUp() {
        DemoNetworkFixture.load(definitions);
        accountant = ApiClient.asMember(port, MemberSystem.register(organisations, "ledgerwise-accountants",
                OrganisationKind.INTERMEDIARY));
        bank = ApiClient.asMember(port, MemberSystem.register(organisations, "northbank", OrganisationKind.PRIVATE_PARTNER));
    }

    @Test
    void an_agent_with_a_mandate_applies_and_follows_the_case() {
        String principal = newPrincipal();
        mandate(principal, "start-a-business", "ACTIVE", LocalDate.now().minusDays(1), LocalDate.now().plusYears(1));

        Response created = accountant.post(APPLICATIONS, JSON, body(principal, "Mandated Ltd"), key());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("reference").asString()).matches("OS-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat(created.json().path("accessCode").asString()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
        Response status = accountant.get("/api/v1/applications/" + created.json().path("id").asString());
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("channel").asString()).isEqualTo("api");
        assertThat(status.json().path("status").asString()).isEqualTo("open");
        assertThat(status.json().path("steps").get(0).path("state").asString()).isEqualTo("ready");
        assertThat(status.json().path("steps").get(1).path("state").asString()).isEqualTo("waiting");
    }

    @Test
    void the_same_key_and_body_gets_the_same_answer() {
        String principal = mandatedPrincipal();
        String key = key();
        Response first = accountant.post(APPLICATIONS, JSON, body(principal, "Twice Ltd"), key);
        Response again = accountant.post(APPLICATIONS, JSON, body(principal, "Twice Ltd"), key);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE principal_id = ?").param(principal)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void a_malformed_key_is_refused_in_the_header_and_in_a_batch_item() {
        String principal = mandatedPrincipal();
        Response header = accountant.post(APPLICATIONS, JSON, body(principal, "Spaced Key Ltd"), "with space");
        Response batch = accountant.post(APPLICATIONS + ":batch", JSON,
                "[" + item(principal, "Spaced Item Ltd", "with space") + "]");

        assertThat(header.status()).isEqualTo(422);
        assertThat(header.json().path("errors").toString()).contains("Idempotency-Key", "visible ASCII");
        assertThat(batch.json().path("items").get(0).path("status").asString()).isEqualTo("rejected");
        assertThat(batch.json().path("items").get(0).path("errors").toString()).contains("idempotencyKey");
    }

    @Test
    void the_same_key_with_another_body_is_a_conflict() {
        String principal = mandatedPrincipal();
        String key = key();
        accountant.post(APPLICATIONS, JSON, body(principal, "First Ltd"), key);
        Response conflict = accountant.post(APPLICATIONS, JSON, body(principal, "Second Ltd"), key);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.json().path("detail").asString()).contains(key);
    }

    @Test
    void concurrent_submissions_committed_together_each_get_their_own_answer() throws Exception {
        String principal = mandatedPrincipal();
        String sharedKey = key();
        ExecutorService clients = Executors.newFixedThreadPool(12);
        try {
            List<Future<Response>> distinct = new ArrayList<>();
            List<Future<Response>> sameKey = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String name = "Together " + i + " Ltd";
                distinct.add(clients.submit(() -> accountant.post(APPLICATIONS, JSON, body(principal, name), key())));
                if (i % 10 == 0) {
                    sameKey.add(clients.submit(() -> accountant.post(APPLICATIONS, JSON, body(principal, "Shared Ltd"), sharedKey)));
                }
            }
            Set<String> ids = new HashSet<>();
            for (Future<Response> response : distinct) {
                Response created = response.get(30, TimeUnit.SECONDS);
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                ids.add(created.json().path("id").asString());
            }
            Set<String> sharedIds = new HashSet<>();
            for (Future<Response> response : sameKey) {
                Response answer = response.get(30, TimeUnit.SECONDS);
                assertThat(answer.status()).as(answer.body()).isEqualTo(201);
                sharedIds.add(answer.json().path("id").asString());
            }

            assertThat(ids).hasSize(30);
            assertThat(sharedIds).hasSize(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM application WHERE principal_id = ?").param(principal)
                    .query(Integer.class).single()).isEqualTo(31);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM case_file c JOIN application a ON a.id = c.id WHERE a.principal_id = ?")
                    .param(principal).query(Integer.class).single()).isEqualTo(31);
        } finally {
            clients.shutdownNow();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "no-mandate, , , , ",
            "not-confirmed, REQUESTED, start-a-business, -1, 365",
            "not-yet-valid, ACTIVE, start-a-business, 3, 365",
            "expired, ACTIVE, start-a-business, -400, -2",
            "other-service, ACTIVE, renew-a-licence, -1, 365",
            "revoked, REVOKED, start-a-business, -1, 365"})
    void an_agent_without_a_mandate_in_force_is_refused_with_the_reason(String reason, String status, String service,
            Integer fromDays, Integer toDays) {
        String principal = newPrincipal();
        if (status != null) {
            mandate(principal, service, status, LocalDate.now().plusDays(fromDays), LocalDate.now().plusDays(toDays));
        }
        Response refused = accountant.post(APPLICATIONS, JSON, body(principal, "Refused Ltd"), key());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("reason").asString()).isEqualTo(reason);
    }

    @Test
    void an_invalid_form_gets_every_problem_with_its_path() {
        String body = """
                {"principal": {"kind": "person", "id": "%s", "name": "Ada"},
                 "form": {"applicant": {"fullName": "Ada", "email": "not-an-email"},
                          "business": {"name": "X", "legalForm": "guild", "startDate": "2026-12-01",
                                       "address": {"street": "1 Row", "postcode": "1234 AB", "municipality": "northfield"}}}}"""
                .formatted(mandatedPrincipal());
        Response invalid = accountant.post(APPLICATIONS, JSON, body, key());

        assertThat(invalid.status()).isEqualTo(422);
        String errors = invalid.json().path("errors").toString();
        assertThat(errors).contains("form.business.name").contains("form.business.legalForm").contains("form.applicant.email");
    }

    @Test
    void unknown_fields_wrong_types_and_unknown_services_are_clear_4xx_problems() {
        Response unknownField = accountant.post(APPLICATIONS, JSON, "{\"principal\": {}, \"form\": {}, \"colour\": 1}", key());
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().path("detail").asString()).contains("colour");

        Response wrongType = accountant.post(APPLICATIONS, JSON, "{\"principal\": \"me\", \"form\": {}}", key());
        assertThat(wrongType.status()).isEqualTo(400);

        Response unknownService = accountant.post("/api/v1/services/no-such-service/applications", JSON,
                body(newPrincipal(), "Nowhere Ltd"), key());
        assertThat(unknownService.status()).isEqualTo(404);
        assertThat(unknownService.contentType()).startsWith("application/problem+json");

        Response badKey = accountant.post(APPLICATIONS, JSON, body(newPrincipal(), "Key Ltd"), "key with spaces");
        assertThat(badKey.status()).isEqualTo(422);
    }

    @Test
    void a_member_sees_only_the_applications_it_submitted() {
        Response created = accountant.post(APPLICATIONS, JSON, body(mandatedPrincipal(), "Private Ltd"), key());
        String id = created.json().path("id").asString();

        assertThat(bank.get("/api/v1/applications/" + id).status()).isEqualTo(404);
        assertThat(ApiClient.asManager(port).get("/api/v1/applications/" + id).status()).isEqualTo(200);
        assertThat(ApiClient.anonymous(port).get("/api/v1/applications/" + id).status()).isEqualTo(401);
    }

    @Test
    void staff_entering_an_application_for_someone_is_the_assisted_channel() {
        Response created = ApiClient.asManager(port).post(APPLICATIONS, JSON, body(newPrincipal(), "Desk Ltd"), key());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Response status = ApiClient.asManager(port).get("/api/v1/applications/" + created.json().path("id").asString());
        assertThat(status.json().path("channel").asString()).isEqualTo("assisted");
    }

    @Test
    void a_batch_judges_each_item_on_its_own() {
        String mandated = mandatedPrincipal();
        String batch = "[" + item(mandated, "Good One Ltd", "b-" + UUID.randomUUID()) + ","
                + item(mandated, "X", null) + ","
                + "42,"
                + item(newPrincipal(), "Unmandated Ltd", null) + ","
                + item(mandated, "Good Two Ltd", null) + "]";
        Response answer = accountant.post(APPLICATIONS + ":batch", JSON, batch);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("accepted").asInt()).isEqualTo(2);
        assertThat(answer.json().path("rejected").asInt()).isEqualTo(3);
        var items = answer.json().path("items");
        assertThat(items.get(0).path("status").asString()).isEqualTo("accepted");
        assertThat(items.get(1).path("errors").toString()).contains("form.business.name");
        assertThat(items.get(2).path("status").asString()).isEqualTo("rejected");
        assertThat(items.get(3).path("errors").toString()).contains("no mandate");
        assertThat(items.get(4).path("status").asString()).isEqualTo("accepted");
        String id = items.get(4).path("id").asString();
        Response status = accountant.get("/api/v1/applications/" + id);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("channel").asString()).isEqualTo("bulk");
    }

    @Test
    void a_batch_may_be_ndjson_and_a_broken_line_spoils_only_itself() {
        String mandated = mandatedPrincipal();
        String ndjson = item(mandated, "Line One Ltd", null) + "\n{not json\n" + item(mandated, "Line Three Ltd", null) + "\n";
        Response answer = accountant.post(APPLICATIONS + ":batch", "application/x-ndjson", ndjson);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("accepted").asInt()).isEqualTo(2);
        assertThat(answer.json().path("items").get(1).path("errors").toString()).contains("not well-formed JSON");
    }

    @Test
    void a_batch_of_more_than_a_thousand_is_refused() {
        String one = item(newPrincipal(), "Many Ltd", null);
        String batch = "[" + String.join(",", java.util.Collections.nCopies(1001, one)) + "]";
        Response refused = accountant.post(APPLICATIONS + ":batch", JSON, batch);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").get(0).path("message").asString()).contains("at most 1000");
    }

    @Test
    void the_agent_that_applied_corrects_through_the_api_only_what_was_asked_and_only_while_mandated() {
        String principal = mandatedPrincipal();
        Response created = accountant.post(APPLICATIONS, JSON, body(principal, "Analitical Engines Ltd"), key());
        UUID id = UUID.fromString(created.json().path("id").asString());
        String correction = "/api/v1/applications/" + id + "/correction";
        String renamed = "{\"form\": " + DemoNetworkFixture.form("Analytical Engines Ltd", "northfield") + "}";

        Response unasked = accountant.post(correction, JSON, renamed);
        assertThat(unasked.status()).isEqualTo(409);
        assertThat(unasked.contentType()).startsWith("application/problem+json");

        assertThat(work.askForCorrection(id, "register-company", "The name is spelt differently on your deed",
                List.of("business.name"), "business-registry", "registry-officer")).isInstanceOf(StepResult.Done.class);
        Response movedToo = accountant.post(correction, JSON,
                "{\"form\": " + DemoNetworkFixture.form("Analytical Engines Ltd", "southport") + "}");
        Response notAForm = accountant.post(correction, JSON, "{\"form\": [1]}");
        Response byAnother = bank.post(correction, JSON, renamed);

        assertThat(movedToo.status()).as(movedToo.body()).isEqualTo(422);
        assertThat(movedToo.json().path("errors").toString()).contains("was not asked to be corrected");
        assertThat(notAForm.status()).isEqualTo(422);
        assertThat(notAForm.json().path("errors").toString()).contains("form");
        assertThat(byAnother.status()).isEqualTo(404);

        Response corrected = accountant.post(correction, JSON, renamed);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        JsonNode step = corrected.json().path("steps").get(0);
        assertThat(step.path("code").asString()).isEqualTo("register-company");
        assertThat(step.path("state").asString()).isEqualTo("ready");
        assertThat(step.path("round").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT form FROM application WHERE id = ?").param(id).query(String.class).single())
                .contains("Analytical Engines Ltd");

        work.askForCorrection(id, "register-company", "Still not the name on your deed", List.of("business.name"),
                "business-registry", "registry-officer");
        jdbc.sql("UPDATE mandate SET status = 'REVOKED' WHERE principal = ?").param(principal).update();
        Response revoked = accountant.post(correction, JSON, renamed.replace("Analytical", "Analytic"));
        assertThat(revoked.status()).isEqualTo(403);
        assertThat(revoked.json().path("detail").asString()).contains("revoked");
    }

    private String mandatedPrincipal() {
        String principal = newPrincipal();
        mandate(principal, "start-a-business", "ACTIVE", LocalDate.now().minusDays(1), LocalDate.now().plusYears(1));
        return principal;
    }

    private void mandate(String principal, String service, String status, LocalDate from, LocalDate to) {
        jdbc.sql("""
                INSERT INTO mandate (id, agent, principal, services, valid_from, valid_to, status, requested_at)
                VALUES (?, 'ledgerwise-accountants', ?, CAST(? AS jsonb), ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), principal, "[\"" + service + "\"]", Date.valueOf(from), Date.valueOf(to), status,
                        Timestamp.from(Instant.now()))
                .update();
    }

    private static String newPrincipal() {
        return "P-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String key() {
        return "k-" + UUID.randomUUID();
    }

    static String body(String principal, String businessName) {
        return """
                {"principal": {"kind": "business", "id": "%s", "name": "%s"}, "form": %s}"""
                .formatted(principal, businessName, DemoNetworkFixture.form(businessName, "northfield"));
    }

    private static String item(String principal, String businessName, String key) {
        String body = body(principal, businessName);
        return key == null ? body : body.substring(0, body.length() - 1) + ", \"idempotencyKey\": \"" + key + "\"}";
    }
}
