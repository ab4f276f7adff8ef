package org.onestop.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.cases.CaseStatus;
import org.onestop.cases.Cases;
import org.onestop.cases.StepResult;
import org.onestop.cases.WorkingOnCases;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.intake.Channel;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Principal;
import org.onestop.intake.Receipt;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.network.Organisation;
import org.onestop.network.OrganisationKind;
import org.onestop.network.Organisations;
import org.onestop.platform.EventLog;
import org.onestop.testing.ApiClient;
import org.onestop.testing.ApiClient.Response;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.MemberSystem;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import com.nimbusds.jose.JWSObject;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The correction loop end to end over real HTTP: the registry's system asks the applicant to
 * correct the business name; the applicant corrects it through the portal's status pages; the
 * step comes back to the registry's receiver as a new delivery, which it completes; the case
 * completes.
 */
@OneStopTest
@TestPropertySource(properties = {"onestop.exchange.push.backoff-base=PT0.05S", "onestop.exchange.push.poll=PT0.1S"})
class CorrectionLoopTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String STEP = "register-company";

    @Value("${local.server.port}")
    int port;
    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    Organisations organisations;
    @Autowired
    SubmittingApplication intake;
    @Autowired
    Cases cases;
    @Autowired
    WorkingOnCases work;
    @Autowired
    Deliveries deliveries;
    @Autowired
    EventLog events;

    Receiver registry;
    MemberSystem registrySystem;

    @BeforeEach
    void network() {
        DemoNetworkFixture.load(definitions);
        registry = new Receiver();
        registrySystem = MemberSystem.registerPushedTo(organisations, "business-registry", OrganisationKind.PUBLIC_AGENCY,
                registry.url());
    }

    @AfterEach
    void stopReceiver() {
        registry.close();
    }

    @Test
    void an_applicant_corrects_the_answers_asked_and_the_step_comes_back_in_a_new_delivery_until_the_case_completes()
            throws Exception {
        Receipt receipt = apply("Analitical Engines Ltd");
        UUID caseId = receipt.id();
        Delivery first = awaitDelivered(caseId, 1);
        ApiClient registryApi = ApiClient.asMember(port, registrySystem);
        String askToCorrect = """
                {"status": "rejected", "reason": "The name is spelt differently on your deed: correct it",
                 "correction": {"fields": ["business.name"]}}""";

        Response asked = registryApi.post("/api/v1/deliveries/" + first.id() + "/outcome", "application/json", askToCorrect);
        Response again = registryApi.post("/api/v1/deliveries/" + first.id() + "/outcome", "application/json", askToCorrect);
        Response conflicting = registryApi.post("/api/v1/deliveries/" + first.id() + "/outcome", "application/json",
                "{\"status\": \"rejected\", \"reason\": \"The name is spelt differently on your deed: correct it\"}");

        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().path("final").asBoolean()).isFalse();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("replayed").asBoolean()).isTrue();
        assertThat(conflicting.status()).isEqualTo(409);
        assertThat(conflicting.contentType()).startsWith("application/problem+json");

        JsonNode status = ApiClient.asManager(port).get("/api/v1/applications/" + caseId).json();
        assertThat(status.path("status").asString()).isEqualTo("open");
        JsonNode step = stepOf(status, STEP);
        assertThat(step.path("state").asString()).isEqualTo("correction-requested");
        assertThat(step.path("correction").path("fields").get(0).asString()).isEqualTo("business.name");

        Portal portal = new Portal(port);
        portal.signIn(receipt.reference(), receipt.accessCode());
        String view = portal.get("/status/view").body();
        assertThat(view).contains("Action needed: correct your answers", "The name is spelt differently on your deed",
                "Answers to correct: Business name", "href=\"/status/correct\"");

        HttpResponse<String> start = portal.get("/status/correct");
        assertThat(start.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/status/correct/business"));
        String page = portal.get("/status/correct/business").body();
        assertThat(page).contains("value=\"Analitical Engines Ltd\"").doesNotContain("name=\"business.activity\"");
        HttpResponse<String> blank = portal.post("/status/correct/business", Map.of("business.name", ""));
        assertThat(blank.statusCode()).isEqualTo(200);
        assertThat(blank.body()).contains("govuk-error-summary", "href=\"#business-name\"");
        HttpResponse<String> saved = portal.post("/status/correct/business", Map.of("business.name", "Analytical Engines Ltd"));
        assertThat(saved.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/status/correct/check-answers"));
        assertThat(portal.get("/status/correct/check-answers").body()).contains("Analytical Engines Ltd");
        HttpResponse<String> sent = portal.post("/status/correct/check-answers", Map.of());
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/status/view"));
        assertThat(portal.get("/status/view").body()).contains("You sent your corrected answers")
                .doesNotContain("Action needed");

        Delivery second = awaitDelivered(caseId, 2);
        assertThat(second.id()).isNotEqualTo(first.id());
        JsonNode pushed = pushedPayload(second.id());
        assertThat(pushed.path("round").asInt()).isEqualTo(2);
        assertThat(pushed.path("input").path("form").path("business").path("name").asString()).isEqualTo("Analytical Engines Ltd");

        Response done = registryApi.post("/api/v1/deliveries/" + second.id() + "/outcome", "application/json",
                "{\"status\": \"completed\", \"output\": {\"registryNumber\": \"31415926\"}}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(registryApi.post("/api/v1/deliveries/" + first.id() + "/outcome", "application/json", askToCorrect)
                .json().path("replayed").asBoolean()).isTrue();
        complete(caseId, "trading-licence", "municipality-northfield", "{\"licenceNumber\": \"L-9\"}");
        complete(caseId, "tax-number", "tax-agency", "{\"taxNumber\": \"T-9\"}");
        complete(caseId, "business-account", "northbank", "{\"iban\": \"NL91ABNA0417164300\"}");

        assertThat(cases.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(events.ofCase(caseId)).extracting(e -> e.type()).containsSubsequence("step-rejected",
                "application-corrected", "step-ready", "delivery-created", "step-completed", "case-completed");
    }

    @Test
    void a_correction_goes_with_a_rejection_only_and_names_fields_the_step_takes() {
        UUID caseId = apply("Careful Ltd").id();
        Delivery delivery = awaitDelivered(caseId, 1);
        ApiClient registryApi = ApiClient.asMember(port, registrySystem);
        String path = "/api/v1/deliveries/" + delivery.id() + "/outcome";

        Response completedWithCorrection = registryApi.post(path, "application/json",
                "{\"status\": \"completed\", \"output\": {\"registryNumber\": \"12345678\"}, \"correction\": {}}");
        Response foreignField = registryApi.post(path, "application/json",
                "{\"status\": \"rejected\", \"reason\": \"x\", \"correction\": {\"fields\": [\"banking.openAccount\"]}}");
        Response notAnObject = registryApi.post(path, "application/json",
                "{\"status\": \"rejected\", \"reason\": \"x\", \"correction\": {\"fields\": \"business.name\"}}");

        Response notFinalWithoutCorrection = registryApi.post(path, "application/json",
                "{\"status\": \"rejected\", \"reason\": \"x\", \"final\": false}");
        assertThat(notFinalWithoutCorrection.body()).contains("correction");

        for (Response refused : List.of(completedWithCorrection, foreignField, notFinalWithoutCorrection)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(notAnObject.status()).as(notAnObject.body()).isBetween(400, 422);
        assertThat(notAnObject.contentType()).startsWith("application/problem+json");
        assertThat(cases.find(caseId).orElseThrow().step(STEP).orElseThrow().state())
                .isEqualTo(org.onestop.cases.StepState.READY);

        // asking for a correction without naming fields opens every answer the step takes
        Response asked = registryApi.post(path, "application/json",
                "{\"status\": \"rejected\", \"reason\": \"Check your answers\", \"correction\": {}}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(work.correctableFields(caseId)).contains("business.name", "business.address", "applicant.email");
    }

    @Test
    void a_signed_rejection_may_ask_for_a_correction_too() throws Exception {
        com.nimbusds.jose.jwk.ECKey signing = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                .keyID("registry-corrections").generate();
        Organisation o = organisations.find("business-registry").orElseThrow();
        List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>(com.nimbusds.jose.jwk.JWKSet.parse(o.jwks()).getKeys());
        keys.add(signing.toPublicJWK());
        organisations.save(new Organisation(o.code(), o.name(), o.kind(), o.status(), o.receiving(), o.endpoint(),
                new com.nimbusds.jose.jwk.JWKSet(keys).toString()));
        UUID caseId = apply("Signed Correction Ltd").id();
        Delivery delivery = awaitDelivered(caseId, 1);
        String set = """
                {"iss": "business-registry", "iat": %d, "jti": "%s",
                 "events": {"https://onestop.example/secevent/step-rejected": {"deliveryId": "%s",
                   "reason": "Add the street number", "correction": {"fields": ["business.address"]}}}}"""
                .formatted(System.currentTimeMillis() / 1000, UUID.randomUUID(), delivery.id());
        com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(new com.nimbusds.jose.JWSHeader.Builder(
                com.nimbusds.jose.JWSAlgorithm.ES256).keyID(signing.getKeyID())
                .type(new com.nimbusds.jose.JOSEObjectType("secevent+jwt")).build(), new com.nimbusds.jose.Payload(set));
        jws.sign(new com.nimbusds.jose.crypto.ECDSASigner(signing));

        Response answer = ApiClient.asMember(port, registrySystem).post("/api/v1/deliveries/" + delivery.id() + "/outcome",
                "application/secevent+jwt", jws.serialize());

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("final").asBoolean(true)).isFalse();
        var step = cases.find(caseId).orElseThrow().step(STEP).orElseThrow();
        assertThat(step.state()).isEqualTo(org.onestop.cases.StepState.CORRECTION_REQUESTED);
        assertThat(step.correction().fields()).containsExactly("business.address");
        assertThat(deliveries.outcomeProof(delivery.id())).hasValue(jws.serialize());
    }

    private void complete(UUID caseId, String step, String organisation, String output) {
        assertThat(work.complete(caseId, step, JSON.readTree(output), organisation, "operator"))
                .as(step).isInstanceOf(StepResult.Done.class);
    }

    private JsonNode pushedPayload(UUID deliveryId) throws Exception {
        Receiver.Received got = registry.received().stream()
                .filter(r -> deliveryId.toString().equals(r.idempotencyKey())).findFirst().orElseThrow();
        return JSON.readTree(JWSObject.parse(got.body()).getPayload().toString());
    }

    private static JsonNode stepOf(JsonNode status, String code) {
        for (JsonNode step : status.path("steps")) {
            if (step.path("code").asString().equals(code)) {
                return step;
            }
        }
        throw new AssertionError("no step " + code);
    }

    /** Waits until the case's registration has this many deliveries and the newest is delivered; returns the newest. */
    private Delivery awaitDelivered(UUID caseId, int count) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            // read state by state, a delivery moving on meanwhile may be seen twice: keep each id once, as now
            Map<UUID, Delivery> seen = new LinkedHashMap<>();
            for (DeliveryState state : DeliveryState.values()) {
                deliveries.of("business-registry", state, 1000).stream()
                        .filter(d -> d.caseId().equals(caseId) && d.step().equals(STEP))
                        .forEach(d -> seen.put(d.id(), deliveries.find(d.id()).orElse(d)));
            }
            List<Delivery> found = new ArrayList<>(seen.values());
            found.sort(Comparator.comparing(Delivery::createdAt).thenComparing(Delivery::id));
            if (found.size() == count && found.get(count - 1).state() == DeliveryState.DELIVERED) {
                return found.get(count - 1);
            }
            assertThat(found.size()).as("deliveries of the step").isLessThanOrEqualTo(count);
            if (System.nanoTime() > until) {
                throw new AssertionError("not delivered in time; seen " + found);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private Receipt apply(String name) {
        Submission submission = intake.submit(new NewApplication(DemoNetworkFixture.SERVICE,
                new Principal(Principal.Kind.PERSON, "P-" + UUID.randomUUID().toString().substring(0, 8), "Ada Lovelace"),
                DemoNetworkFixture.form(name, "northfield"), Channel.PORTAL, null, "applicant", null));
        return ((Submission.Accepted) submission).receipt();
    }

    /** The applicant's browser without a browser: a cookie jar, the CSRF token of the last page, no redirects followed. */
    static final class Portal {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        private final String root;
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private String token;

        Portal(int port) {
            this.root = "http://localhost:" + port;
        }

        void signIn(String reference, String accessCode) throws Exception {
            get("/status");
            HttpResponse<String> verified = post("/status", Map.of("reference", reference, "accessCode", accessCode));
            assertThat(verified.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/status/view"));
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(root + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher found = CSRF.matcher(response.body());
            if (found.find()) {
                token = found.group(1);
            }
            return response;
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", token);
            String body = all.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(root + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher found = CSRF.matcher(response.body());
            if (found.find()) {
                token = found.group(1);
            }
            return response;
        }
    }
}
