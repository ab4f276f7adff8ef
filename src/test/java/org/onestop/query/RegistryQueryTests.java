package org.onestop.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.intake.Channel;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Principal;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.network.Organisation;
import org.onestop.network.OrganisationKind;
import org.onestop.network.OrganisationStatus;
import org.onestop.network.Organisations;
import org.onestop.network.ReceivingMode;
import org.onestop.platform.Digests;
import org.onestop.testing.ApiClient;
import org.onestop.testing.ApiClient.Response;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.MemberSystem;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Registry queries through the platform to real providers on random ports, over real HTTP. */
@OneStopTest
@TestPropertySource(properties = {"onestop.query.breaker.failures=2", "onestop.query.breaker.cool-down=PT1S"})
class RegistryQueryTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LOOKUP = "/api/v1/query/address-register/address-lookup";
    private static final String ADDRESS = """
            {"street": "Mill Lane 12", "postcode": "1234 AB", "municipality": "northfield", "buildingYear": 1931}""";
    private static final String REQUEST = """
            {"request": {"postcode": "1234 AB", "houseNumber": "12"}}""";

    @Value("${local.server.port}")
    int port;
    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    Organisations organisations;
    @Autowired
    QueryServices queryServices;
    @Autowired
    SubmittingApplication intake;
    @Autowired
    JdbcClient jdbc;

    QueryProvider register;
    MemberSystem northfield;
    MemberSystem northbank;

    @BeforeEach
    void network() {
        DemoNetworkFixture.load(definitions);
        register = new QueryProvider("address-register-2026");
        provide("address-register", register);
        northfield = MemberSystem.register(organisations, "municipality-northfield", OrganisationKind.PUBLIC_AGENCY);
        northbank = MemberSystem.register(organisations, "northbank", OrganisationKind.PRIVATE_PARTNER);
    }

    @AfterEach
    void stop() {
        register.close();
    }

    @Test
    void a_granted_query_returns_the_answer_signed_by_the_platform_with_only_the_granted_fields() throws Exception {
        register.answering(200, ADDRESS);

        Response answered = ApiClient.asMember(port, northfield).post(LOOKUP, "application/json", REQUEST);

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        JsonNode body = answered.json();
        assertThat(body.path("answer")).isEqualTo(JSON.readTree("{\"street\": \"Mill Lane 12\", \"municipality\": \"northfield\"}"));
        assertThat(body.path("agreement").asString()).isEqualTo("northfield-address-check");
        JWSObject signature = JWSObject.parse(body.path("signature").asString());
        assertThat(signature.verify(new ECDSAVerifier(platformKey(signature.getHeader().getKeyID())))).isTrue();
        JsonNode signed = JSON.readTree(signature.getPayload().toString());
        assertThat(signed.path("answer")).isEqualTo(body.path("answer"));
        assertThat(signed.path("id").asString()).isEqualTo(body.path("id").asString());
        assertThat(signed.path("answerDigest").asString()).isEqualTo(body.path("answerDigest").asString());

        // what the register got is the platform's signed statement of who asks, why and under which agreement
        JWSObject forwarded = JWSObject.parse(register.received().get(0));
        assertThat(forwarded.verify(new ECDSAVerifier(platformKey(forwarded.getHeader().getKeyID())))).isTrue();
        JsonNode query = JSON.readTree(forwarded.getPayload().toString());
        assertThat(query.path("consumer").asString()).isEqualTo("municipality-northfield");
        assertThat(query.path("purpose").asString()).startsWith("Check the business address");
        assertThat(query.path("request").path("houseNumber").asString()).isEqualTo("12");
    }

    @Test
    void the_event_records_who_asked_what_under_which_agreement_with_digests() {
        register.answering(200, ADDRESS);

        Response answered = ApiClient.asMember(port, northfield).post(LOOKUP, "application/json", REQUEST);

        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        Map<String, Object> event = event(UUID.fromString(answered.json().path("id").asString()));
        assertThat(event.get("type")).isEqualTo("registry-queried");
        JsonNode attributes = JSON.readTree(String.valueOf(event.get("attributes")));
        assertThat(attributes.path("provider").asString()).isEqualTo("address-register");
        assertThat(attributes.path("service").asString()).isEqualTo("address-lookup");
        assertThat(attributes.path("requester").asString()).isEqualTo("municipality-northfield");
        assertThat(attributes.path("agreement").asString()).isEqualTo("northfield-address-check");
        assertThat(attributes.path("legalBasis").asString()).isEqualTo("Local Trading Ordinance, article 5");
        assertThat(attributes.path("purpose").asString()).startsWith("Check the business address");
        assertThat(attributes.path("requestFields").toString()).isEqualTo("[\"postcode\",\"houseNumber\"]");
        assertThat(attributes.path("answerFields").toString()).isEqualTo("[\"street\",\"municipality\"]");
        assertThat(attributes.path("requestDigest").asString())
                .isEqualTo(Digests.sha256Hex("{\"houseNumber\":\"12\",\"postcode\":\"1234 AB\"}"))
                .isEqualTo(answered.json().path("requestDigest").asString());
        assertThat(attributes.path("answerDigest").asString())
                .isEqualTo(Digests.sha256Hex("{\"municipality\":\"northfield\",\"street\":\"Mill Lane 12\"}"));
        assertThat(attributes.path("outcome").asString()).isEqualTo("answered");
    }

    @Test
    void a_provider_signed_answer_is_accepted_and_a_forged_one_is_refused() {
        register.answeringSigned(ADDRESS);
        Response signed = ApiClient.asMember(port, northfield).post(LOOKUP, "application/json", REQUEST);
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.json().path("answer").path("street").asString()).isEqualTo("Mill Lane 12");

        try (QueryProvider impostor = new QueryProvider("address-register-2026")) {
            impostor.answeringSigned(ADDRESS);
            provide("address-register", impostor, register.publicJwks());
            Response forged = ApiClient.asMember(port, northfield).post(LOOKUP, "application/json", REQUEST);
            assertThat(forged.status()).isEqualTo(502);
            assertThat(forged.json().path("reason").asString()).isEqualTo("unverified-answer");
        }
    }

    @Test
    void an_organisation_without_an_agreement_is_refused_and_the_refusal_is_recorded() {
        Response refused = ApiClient.asMember(port, northbank).post(LOOKUP, "application/json", REQUEST);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("reason").asString()).isEqualTo("no-query-agreement");
        assertThat(register.received()).isEmpty();
        Integer recorded = jdbc.sql("SELECT COUNT(*) FROM event_log WHERE type = 'registry-queried' AND actor = 'northbank'")
                .query(Integer.class).single();
        assertThat(recorded).isPositive();
    }

    @Test
    void the_portals_grant_cannot_be_used_by_an_organisation_and_an_ended_agreement_grants_nothing() {
        MemberSystem southport = MemberSystem.register(organisations, "municipality-southport", OrganisationKind.PUBLIC_AGENCY);
        queryServices.save(new QueryAgreement("southport-address-check", "municipality-southport", "address-register",
                "address-lookup", "Check addresses", "Local Trading Ordinance, article 5", List.of("street"),
                LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)));

        assertThat(ApiClient.asMember(port, southport).post(LOOKUP, "application/json", REQUEST).status()).isEqualTo(403);
        assertThat(ApiClient.asManager(port).post(LOOKUP, "application/json", REQUEST).json().path("reason").asString())
                .isEqualTo("members-only");
        assertThat(register.received()).isEmpty();
    }

    @Test
    void a_case_the_caller_does_not_work_on_is_refused_and_one_it_works_on_is_named_in_the_event() {
        register.answering(200, ADDRESS);
        UUID northfieldCase = submit("northfield");
        UUID southportCase = submit("southport");

        Response other = ApiClient.asMember(port, northfield).post(LOOKUP, "application/json",
                "{\"request\": {\"postcode\": \"1234 AB\", \"houseNumber\": \"12\"}, \"caseId\": \"" + southportCase + "\"}");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.json().path("reason").asString()).isEqualTo("not-your-case");

        Response own = ApiClient.asMember(port, northfield).post(LOOKUP, "application/json",
                "{\"request\": {\"postcode\": \"1234 AB\", \"houseNumber\": \"12\"}, \"caseId\": \"" + northfieldCase + "\"}");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        Map<String, Object> event = event(UUID.fromString(own.json().path("id").asString()));
        assertThat(String.valueOf(event.get("case_id"))).isEqualTo(northfieldCase.toString());
        assertThat(String.valueOf(event.get("application_id"))).isEqualTo(northfieldCase.toString());
    }

    @Test
    void unknown_services_are_404_and_requests_off_the_schema_are_422() {
        ApiClient client = ApiClient.asMember(port, northfield);
        assertThat(client.post("/api/v1/query/address-register/parcel-lookup", "application/json", REQUEST).status()).isEqualTo(404);
        assertThat(client.post("/api/v1/query/nobody/address-lookup", "application/json", REQUEST).status()).isEqualTo(404);

        Response invalid = client.post(LOOKUP, "application/json", "{\"request\": {\"postcode\": \"12\"}}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().path("errors").toString()).contains("request.houseNumber").contains("request.postcode");
        assertThat(client.post(LOOKUP, "application/json", "{\"request\": {}, \"colour\": 1}").status()).isEqualTo(422);
        assertThat(client.post(LOOKUP, "application/json", "{\"request\": ").status()).isEqualTo(400);
        assertThat(register.received()).isEmpty();
    }

    @Test
    void a_slow_provider_times_out_its_breaker_opens_and_it_recovers() throws Exception {
        try (QueryProvider slow = new QueryProvider("slow-register-1")) {
            organisations.save(new Organisation("slow-register", "Slow Register", OrganisationKind.PUBLIC_AGENCY,
                    OrganisationStatus.ACTIVE, ReceivingMode.INBOX, null, slow.publicJwks()));
            queryServices.save(new QueryService("slow-register", "parcel-lookup", "Find a parcel",
                    URI.create(slow.endpoint() + "/parcels"), null, Duration.ofMillis(400),
                    JSON.readTree("{\"type\": \"object\"}"), JSON.readTree("{\"type\": \"object\", \"properties\": {\"parcel\": {\"type\": \"string\"}}}")));
            queryServices.save(new QueryAgreement("northfield-parcels", "municipality-northfield", "slow-register",
                    "parcel-lookup", "Check parcels", "Land Act, section 2", List.of("parcel"), LocalDate.of(2026, 1, 1), null));
            ApiClient client = ApiClient.asMember(port, northfield);
            String path = "/api/v1/query/slow-register/parcel-lookup";
            slow.answeringAfter(Duration.ofSeconds(2), "{\"parcel\": \"N-1\"}");

            Response first = client.post(path, "application/json", "{\"request\": {}}");
            assertThat(first.status()).isEqualTo(504);
            assertThat(first.json().path("reason").asString()).isEqualTo("provider-timeout");
            assertThat(client.post(path, "application/json", "{\"request\": {}}").status()).isEqualTo(504);

            int asked = slow.received().size();
            Response open = client.post(path, "application/json", "{\"request\": {}}");
            assertThat(open.status()).isEqualTo(503);
            assertThat(open.json().path("reason").asString()).isEqualTo("breaker-open");
            java.net.http.HttpResponse<String> retry = java.net.http.HttpClient.newHttpClient().send(client.request(path)
                    .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"request\": {}}"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(retry.statusCode()).isEqualTo(503);
            assertThat(retry.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(slow.received()).hasSize(asked);

            slow.answering(200, "{\"parcel\": \"N-1\"}");
            Thread.sleep(1100);
            Response recovered = client.post(path, "application/json", "{\"request\": {}}");
            assertThat(recovered.status()).as(recovered.body()).isEqualTo(200);
            assertThat(recovered.json().path("answer").path("parcel").asString()).isEqualTo("N-1");
            Integer outcomes = jdbc.sql("""
                    SELECT COUNT(*) FROM event_log WHERE type = 'registry-queried' AND actor = 'municipality-northfield'
                      AND CAST(attributes AS VARCHAR) LIKE '%breaker-open%'""").query(Integer.class).single();
            assertThat(outcomes).isPositive();
        }
    }

    @Test
    void a_provider_error_or_an_answer_off_the_schema_is_a_bad_gateway() {
        register.answering(500, "{}");
        Response failed = ApiClient.asMember(port, northfield).post(LOOKUP, "application/json", REQUEST);
        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.json().path("reason").asString()).isEqualTo("provider-error");

        register.answering(200, "{\"street\": \"Mill Lane 12\"}");
        Response invalid = ApiClient.asMember(port, northfield).post(LOOKUP, "application/json", REQUEST);
        assertThat(invalid.status()).isEqualTo(502);
        assertThat(invalid.json().path("reason").asString()).isEqualTo("invalid-answer");
    }

    private void provide(String code, QueryProvider provider) {
        provide(code, provider, provider.publicJwks());
    }

    private void provide(String code, QueryProvider provider, String jwks) {
        Organisation existing = organisations.find(code).orElseThrow();
        organisations.save(new Organisation(code, existing.name(), existing.kind(), OrganisationStatus.ACTIVE,
                existing.receiving(), provider.endpoint(), jwks));
    }

    private ECKey platformKey(String keyId) throws Exception {
        String jwks = ApiClient.anonymous(port).get("/.well-known/jwks.json").body();
        return (ECKey) JWKSet.parse(jwks).getKeyByKeyId(keyId);
    }

    private Map<String, Object> event(UUID id) {
        return jdbc.sql("SELECT type, case_id, application_id, actor, CAST(attributes AS VARCHAR) AS attributes FROM event_log WHERE id = ?")
                .param(id).query().singleRow();
    }

    private UUID submit(String municipality) {
        Submission submission = intake.submit(new NewApplication(DemoNetworkFixture.SERVICE,
                new Principal(Principal.Kind.PERSON, "P-" + UUID.randomUUID(), "Ada Lovelace"),
                DemoNetworkFixture.form("Engines " + municipality, municipality), Channel.PORTAL, null, "applicant", null));
        return ((Submission.Accepted) submission).receipt().id();
    }
}
