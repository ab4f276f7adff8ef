package org.onestop.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.cases.Cases;
import org.onestop.cases.StepState;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.exchange.Receiver.Answer;
import org.onestop.intake.Channel;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Principal;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.network.Organisation;
import org.onestop.network.OrganisationKind;
import org.onestop.network.Organisations;
import org.onestop.network.ReceivingMode;
import org.onestop.platform.Digests;
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

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Deliveries to real receivers on random ports, and outcomes back, over real HTTP. */
@OneStopTest
@TestPropertySource(properties = {"onestop.exchange.push.backoff-base=PT0.05S", "onestop.exchange.push.poll=PT0.1S",
        "onestop.exchange.push.max-attempts=3", "onestop.exchange.pull.lease=PT1S"})
class ExchangeTests {

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
    Cases cases;
    @Autowired
    Deliveries deliveries;
    @Autowired
    EventLog events;

    Receiver registry;
    MemberSystem registrySystem;
    MemberSystem taxSystem;
    MemberSystem bankSystem;

    @BeforeEach
    void network() {
        DemoNetworkFixture.load(definitions);
        registry = new Receiver();
        registrySystem = MemberSystem.register(organisations, "business-registry", OrganisationKind.PUBLIC_AGENCY);
        receiveBy("business-registry", ReceivingMode.PUSH, registry.url());
        taxSystem = MemberSystem.register(organisations, "tax-agency", OrganisationKind.PUBLIC_AGENCY);
        receiveBy("tax-agency", ReceivingMode.PULL, null);
        bankSystem = MemberSystem.register(organisations, "northbank", OrganisationKind.PRIVATE_PARTNER);
        receiveBy("northbank", ReceivingMode.INBOX, null);
    }

    @AfterEach
    void stopReceiver() {
        registry.close();
    }

    @Test
    void a_ready_step_is_pushed_signed_by_the_platform_with_its_delivery_id() throws Exception {
        UUID caseId = apply("Pushed Ltd");
        Delivery delivery = await(() -> deliveryOf(caseId, "register-company"), d -> d.state() == DeliveryState.DELIVERED);

        Receiver.Received got = registry.received().stream()
                .filter(r -> r.idempotencyKey().equals(delivery.id().toString())).findFirst().orElseThrow();
        assertThat(got.contentType()).isEqualTo("application/jose");
        JWSObject jws = JWSObject.parse(got.body());
        JWKSet published = JWKSet.parse(ApiClient.anonymous(port).get("/.well-known/jwks.json").body());
        ECKey key = (ECKey) published.getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(jws.verify(new ECDSAVerifier(key))).isTrue();
        JsonNode payload = JSON.readTree(jws.getPayload().toString());
        assertThat(payload.path("deliveryId").asString()).isEqualTo(delivery.id().toString());
        assertThat(payload.path("input").path("form").path("business").path("name").asString()).isEqualTo("Pushed Ltd");
        assertThat(payload.path("input").path("form").has("banking")).isFalse();

        String metrics = ApiClient.anonymous(port).get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("onestop_deliveries\\{[^}]*state=\"delivered\"[^}]*\\} [1-9]")
                .contains("onestop_delivery_push_seconds_count")
                .containsPattern("onestop_delivery_latency_seconds_count\\{[^}]*since=\"created\"[^}]*\\} [1-9]")
                .containsPattern("onestop_delivery_latency_seconds_count\\{[^}]*since=\"submitted\"[^}]*\\} [1-9]")
                .containsPattern("onestop_delivery_latency_seconds_bucket\\{[^}]*since=\"submitted\"");
    }

    @Test
    void an_organisation_with_an_rsa_encryption_key_receives_the_signed_delivery_encrypted_to_it() throws Exception {
        RSAKey privateKey = new RSAKeyGenerator(2048).keyUse(KeyUse.ENCRYPTION).keyID("registry-enc-rsa").generate();
        addKey("business-registry", privateKey.toPublicJWK());
        JWEObject jwe = encryptedDeliveryOf(apply("Sealed RSA Ltd"));

        assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.RSA_OAEP_256);
        jwe.decrypt(new RSADecrypter(privateKey));
        assertSignedByThePlatform(jwe, "Sealed RSA Ltd");
    }

    @Test
    void an_organisation_with_an_ec_encryption_key_receives_the_signed_delivery_encrypted_to_it() throws Exception {
        ECKey privateKey = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION).keyID("registry-enc-ec").generate();
        addKey("business-registry", privateKey.toPublicJWK());
        JWEObject jwe = encryptedDeliveryOf(apply("Sealed EC Ltd"));

        assertThat(jwe.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.ECDH_ES_A256KW);
        jwe.decrypt(new ECDHDecrypter(privateKey));
        assertSignedByThePlatform(jwe, "Sealed EC Ltd");
    }

    private JWEObject encryptedDeliveryOf(UUID caseId) throws Exception {
        Delivery delivery = await(() -> deliveryOf(caseId, "register-company"), d -> d.state() == DeliveryState.DELIVERED);
        Receiver.Received got = registry.received().stream()
                .filter(r -> r.idempotencyKey().equals(delivery.id().toString())).findFirst().orElseThrow();
        assertThat(got.contentType()).isEqualTo("application/jose");
        assertThat(got.body().split("\\.", -1)).as("a compact JWE has five parts").hasSize(5);
        JWEObject jwe = JWEObject.parse(got.body());
        assertThat(jwe.getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
        assertThat(jwe.getHeader().getContentType()).isEqualTo("JOSE");
        assertThat(got.body()).doesNotContain("Sealed");
        return jwe;
    }

    private void assertSignedByThePlatform(JWEObject decrypted, String company) throws Exception {
        JWSObject jws = JWSObject.parse(decrypted.getPayload().toString());
        JWKSet published = JWKSet.parse(ApiClient.anonymous(port).get("/.well-known/jwks.json").body());
        ECKey key = (ECKey) published.getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(jws.verify(new ECDSAVerifier(key))).isTrue();
        JsonNode payload = JSON.readTree(jws.getPayload().toString());
        assertThat(payload.path("input").path("form").path("business").path("name").asString()).isEqualTo(company);
    }

    private void addKey(String code, JWK key) throws Exception {
        Organisation o = organisations.find(code).orElseThrow();
        List<JWK> keys = new java.util.ArrayList<>(JWKSet.parse(o.jwks()).getKeys());
        keys.add(key);
        organisations.save(new Organisation(o.code(), o.name(), o.kind(), o.status(), o.receiving(), o.endpoint(),
                new JWKSet(keys).toString()));
    }

    @Test
    void a_failing_receiver_is_retried_until_it_takes_the_delivery() {
        registry.answering(Answer.of(503), Answer.of(500));
        UUID caseId = apply("Retried Ltd");
        Delivery delivery = await(() -> deliveryOf(caseId, "register-company"), d -> d.state() == DeliveryState.DELIVERED);

        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(registry.received()).filteredOn(r -> r.idempotencyKey().equals(delivery.id().toString())).hasSize(3);
    }

    @Test
    void retry_after_is_honoured() {
        registry.answering(new Answer(429, "1"));
        UUID caseId = apply("Patient Ltd");
        Delivery delivery = await(() -> deliveryOf(caseId, "register-company"), d -> d.state() == DeliveryState.DELIVERED);

        List<Receiver.Received> tries = registry.received().stream()
                .filter(r -> r.idempotencyKey().equals(delivery.id().toString())).toList();
        assertThat(tries).hasSize(2);
        assertThat(tries.get(1).atMillis() - tries.get(0).atMillis()).isGreaterThanOrEqualTo(900);
    }

    @Test
    void a_refusing_receiver_makes_the_delivery_dead_and_a_replay_delivers_it() {
        registry.answering(Answer.of(400));
        UUID caseId = apply("Dead Ltd");
        Delivery dead = await(() -> deliveryOf(caseId, "register-company"), d -> d.state() == DeliveryState.DEAD);
        assertThat(dead.lastError()).isEqualTo("HTTP 400");

        Response replayed = ApiClient.asManager(port).post("/api/v1/deliveries/" + dead.id() + ":replay", "application/json", "");
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        await(() -> deliveryOf(caseId, "register-company"), d -> d.state() == DeliveryState.DELIVERED);
    }

    @Test
    void the_last_failed_attempt_makes_the_delivery_dead() {
        registry.otherwise(Answer.of(503));
        UUID caseId = apply("Exhausted Ltd");
        Delivery dead = await(() -> deliveryOf(caseId, "register-company"), d -> d.state() == DeliveryState.DEAD);
        assertThat(dead.attempts()).isEqualTo(3);
        registry.otherwise(Answer.of(200));
    }

    @Test
    void an_outcome_completes_the_step_once_and_a_different_one_conflicts() {
        UUID caseId = apply("Outcome Ltd");
        Delivery delivery = await(() -> deliveryOf(caseId, "register-company"), d -> d.state() == DeliveryState.DELIVERED);
        ApiClient registryApi = ApiClient.asMember(port, registrySystem);
        String outcome = "{\"status\": \"completed\", \"output\": {\"registryNumber\": \"12345678\"}}";

        Response first = registryApi.post("/api/v1/deliveries/" + delivery.id() + "/outcome", "application/json", outcome);
        Response again = registryApi.post("/api/v1/deliveries/" + delivery.id() + "/outcome", "application/json", outcome);
        Response different = registryApi.post("/api/v1/deliveries/" + delivery.id() + "/outcome", "application/json",
                "{\"status\": \"completed\", \"output\": {\"registryNumber\": \"87654321\"}}");

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("replayed").asBoolean()).isTrue();
        assertThat(different.status()).isEqualTo(409);
        assertThat(different.contentType()).startsWith("application/problem+json");
        assertThat(cases.find(caseId).orElseThrow().step("tax-number").orElseThrow().state()).isEqualTo(StepState.READY);
        assertThat(deliveryOf(caseId, "tax-number")).isNotNull();
    }

    @Test
    void an_outcome_signed_by_the_organisation_is_verified_and_kept_as_proof() throws Exception {
        ECKey signing = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyID("registry-outcomes").generate();
        addKey("business-registry", signing.toPublicJWK());
        UUID caseId = apply("Signed Outcome Ltd");
        Delivery delivery = await(() -> deliveryOf(caseId, "register-company"), d -> d.state() == DeliveryState.DELIVERED);
        String token = sign(signing, JWSObject.class, "{\"deliveryId\": \"" + delivery.id()
                + "\", \"status\": \"completed\", \"output\": {\"registryNumber\": \"24681357\"}}");
        ApiClient registryApi = ApiClient.asMember(port, registrySystem);

        Response first = registryApi.post("/api/v1/deliveries/" + delivery.id() + "/outcome", "application/jose", token);
        Response again = registryApi.post("/api/v1/deliveries/" + delivery.id() + "/outcome", "application/jose", token);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(again.json().path("replayed").asBoolean()).isTrue();
        assertThat(cases.find(caseId).orElseThrow().step("register-company").orElseThrow().state()).isEqualTo(StepState.COMPLETED);
        assertThat(deliveries.outcomeProof(delivery.id())).hasValue(token);
        Event outcome = events.ofCase(caseId).stream().filter(e -> e.type().equals("delivery-outcome")).findFirst().orElseThrow();
        assertThat(outcome.attributes()).containsEntry("proof", "jws").containsEntry("proofDigest", Digests.sha256Hex(token))
                .containsEntry("outcome", "completed");
    }

    @Test
    void a_security_event_token_rejects_the_step_and_is_kept_as_proof() throws Exception {
        ECKey signing = new ECKeyGenerator(Curve.P_256).keyID("registry-set").generate();
        addKey("business-registry", signing.toPublicJWK());
        UUID caseId = apply("Rejected By Event Ltd");
        Delivery delivery = await(() -> deliveryOf(caseId, "register-company"), d -> d.state() == DeliveryState.DELIVERED);
        String set = sign(signing, SignedJWT.class, """
                {"iss": "business-registry", "iat": %d, "jti": "%s", "aud": "%s",
                 "events": {"https://onestop.example/secevent/step-rejected": {"deliveryId": "%s", "reason": "name taken"}}}"""
                .formatted(System.currentTimeMillis() / 1000, UUID.randomUUID(), MemberSystem.AUDIENCE, delivery.id()));

        Response answer = ApiClient.asMember(port, registrySystem).post("/api/v1/deliveries/" + delivery.id() + "/outcome",
                "application/secevent+jwt", set);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("outcome").asString()).isEqualTo("rejected");
        assertThat(cases.find(caseId).orElseThrow().step("register-company").orElseThrow().state()).isEqualTo(StepState.REJECTED);
        assertThat(deliveries.outcomeProof(delivery.id())).hasValue(set);
        assertThat(events.ofCase(caseId)).anySatisfy(e -> assertThat(e.attributes()).containsEntry("proof", "set")
                .containsEntry("proofDigest", Digests.sha256Hex(set)));
    }

    @Test
    void a_signed_outcome_that_does_not_verify_or_names_another_delivery_is_refused() throws Exception {
        ECKey registered = new ECKeyGenerator(Curve.P_256).keyID("registry-proof").generate();
        addKey("business-registry", registered.toPublicJWK());
        ECKey impostor = new ECKeyGenerator(Curve.P_256).keyID("registry-proof").generate();
        UUID caseId = apply("Forged Outcome Ltd");
        Delivery delivery = await(() -> deliveryOf(caseId, "register-company"), d -> d.state() == DeliveryState.DELIVERED);
        String outcome = "{\"deliveryId\": \"%s\", \"status\": \"completed\", \"output\": {\"registryNumber\": \"13572468\"}}";
        ApiClient registryApi = ApiClient.asMember(port, registrySystem);
        String path = "/api/v1/deliveries/" + delivery.id() + "/outcome";

        Response forged = registryApi.post(path, "application/jose", sign(impostor, JWSObject.class, outcome.formatted(delivery.id())));
        Response elsewhere = registryApi.post(path, "application/jose", sign(registered, JWSObject.class, outcome.formatted(UUID.randomUUID())));
        Response garbage = registryApi.post(path, "application/jose", "not-a-jws");

        for (Response refused : List.of(forged, elsewhere, garbage)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(forged.body()).contains("does not verify");
        assertThat(elsewhere.body()).contains("deliveryId");
        assertThat(cases.find(caseId).orElseThrow().step("register-company").orElseThrow().state()).isEqualTo(StepState.READY);
        assertThat(deliveries.outcomeProof(delivery.id())).isEmpty();
    }

    private static String sign(ECKey key, Class<?> kind, String payload) throws Exception {
        JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID());
        if (kind == SignedJWT.class) {
            header.type(new JOSEObjectType("secevent+jwt"));
        }
        JWSObject jws = new JWSObject(header.build(), new Payload(payload));
        jws.sign(new ECDSASigner(key));
        return jws.serialize();
    }

    @Test
    void an_invalid_output_is_refused_and_changes_nothing() {
        UUID caseId = apply("Bad Output Ltd");
        Delivery delivery = await(() -> deliveryOf(caseId, "register-company"), d -> d.state() == DeliveryState.DELIVERED);
        Response invalid = ApiClient.asMember(port, registrySystem).post("/api/v1/deliveries/" + delivery.id() + "/outcome",
                "application/json", "{\"status\": \"completed\", \"output\": {\"registryNumber\": \"x\"}}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(cases.find(caseId).orElseThrow().step("register-company").orElseThrow().state()).isEqualTo(StepState.READY);
    }

    @Test
    void a_pulled_delivery_not_acknowledged_in_its_lease_is_offered_again() throws Exception {
        UUID caseId = apply("Pulled Ltd");
        completeRegistration(caseId);
        ApiClient tax = ApiClient.asMember(port, taxSystem);

        Response first = tax.get("/api/v1/deliveries?limit=100&wait=5");
        String id = find(first.json(), caseId);
        assertThat(id).isNotNull();
        assertThat(find(tax.get("/api/v1/deliveries?limit=100").json(), caseId)).isNull();
        Thread.sleep(1200);
        assertThat(find(tax.get("/api/v1/deliveries?limit=100").json(), caseId)).isEqualTo(id);

        Response ack = tax.post("/api/v1/deliveries/" + id + "/ack", "application/json", "");
        assertThat(ack.status()).isEqualTo(200);
        Thread.sleep(1200);
        assertThat(find(tax.get("/api/v1/deliveries?limit=100").json(), caseId)).isNull();
        assertThat(deliveries.find(UUID.fromString(id)).orElseThrow().state()).isEqualTo(DeliveryState.DELIVERED);
    }

    @Test
    void an_organisation_cannot_read_or_answer_another_organisations_delivery() {
        UUID caseId = apply("Foreign Ltd");
        Delivery delivery = await(() -> deliveryOf(caseId, "register-company"), d -> d.state() == DeliveryState.DELIVERED);
        ApiClient bank = ApiClient.asMember(port, bankSystem);
        assertThat(bank.get("/api/v1/deliveries/" + delivery.id()).status()).isEqualTo(404);
        assertThat(bank.post("/api/v1/deliveries/" + delivery.id() + "/outcome", "application/json",
                "{\"status\": \"rejected\", \"reason\": \"no\"}").status()).isEqualTo(404);
        assertThat(ApiClient.asMember(port, registrySystem).get("/api/v1/deliveries/" + delivery.id()).status()).isEqualTo(200);
    }

    private void completeRegistration(UUID caseId) {
        Delivery delivery = await(() -> deliveryOf(caseId, "register-company"), d -> d.state() == DeliveryState.DELIVERED);
        Response done = ApiClient.asMember(port, registrySystem).post("/api/v1/deliveries/" + delivery.id() + "/outcome",
                "application/json", "{\"status\": \"completed\", \"output\": {\"registryNumber\": \"11223344\"}}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
    }

    private static String find(JsonNode pulled, UUID caseId) {
        for (JsonNode delivery : pulled) {
            if (delivery.path("caseId").asString().equals(caseId.toString())) {
                return delivery.path("deliveryId").asString();
            }
        }
        return null;
    }

    private Delivery deliveryOf(UUID caseId, String step) {
        for (DeliveryState state : DeliveryState.values()) {
            for (String organisation : List.of("business-registry", "tax-agency")) {
                for (Delivery d : deliveries.of(organisation, state, 1000)) {
                    if (d.caseId().equals(caseId) && d.step().equals(step)) {
                        return d;
                    }
                }
            }
        }
        return null;
    }

    private static <T> T await(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T value = read.get();
        while (value == null || !done.test(value)) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not reached in time; last seen: " + value);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            value = read.get();
        }
        return value;
    }

    private void receiveBy(String code, ReceivingMode mode, URI endpoint) {
        MemberSystem.receiveBy(organisations, code, mode, endpoint);
    }

    private UUID apply(String name) {
        Submission submission = intake.submit(new NewApplication(DemoNetworkFixture.SERVICE,
                new Principal(Principal.Kind.BUSINESS, "B-" + UUID.randomUUID().toString().substring(0, 8), name),
                DemoNetworkFixture.form(name, "northfield"), Channel.PORTAL, null, "applicant", null));
        return ((Submission.Accepted) submission).receipt().id();
    }

}
