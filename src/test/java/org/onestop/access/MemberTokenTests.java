package org.onestop.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.access.Http.assertProblem;
import static org.onestop.access.Http.bearer;
import static org.onestop.access.Http.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.network.Organisation;
import org.onestop.network.OrganisationKind;
import org.onestop.network.OrganisationStatus;
import org.onestop.network.Organisations;
import org.onestop.network.ReceivingMode;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@OneStopTest
@TestPropertySource(properties = "onestop.base-url=" + Http.BASE_URL)
class MemberTokenTests {

    static ECKey bankKey;
    static ECKey strangerKey;
    static OctetKeyPair registryKey;
    static ECKey suspendedKey;

    @Value("${local.server.port}")
    int port;

    @Autowired
    Organisations organisations;

    Http http;

    @BeforeAll
    static void keys() throws Exception {
        bankKey = new ECKeyGenerator(Curve.P_256).keyID("bank-2026").generate();
        strangerKey = new ECKeyGenerator(Curve.P_256).keyID("bank-2026").generate();
        suspendedKey = new ECKeyGenerator(Curve.P_256).keyID("old-1").generate();
        registryKey = new OctetKeyPairGenerator(Curve.Ed25519).keyID("registry-ed").generate();
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        organisations.save(organisation("BANK", OrganisationStatus.ACTIVE, bankKey));
        organisations.save(organisation("REGISTRY", OrganisationStatus.ACTIVE, registryKey));
        organisations.save(organisation("GONE", OrganisationStatus.SUSPENDED, suspendedKey));
    }

    @Test
    void accepts_a_token_signed_with_a_registered_es256_key() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/whoami", bearer(token(bankKey, claims -> { })));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode me = json(response);
        assertThat(me.get("kind").asString()).isEqualTo("member");
        assertThat(me.get("name").asString()).isEqualTo("BANK");
        assertThat(me.get("organisation").asString()).isEqualTo("BANK");
        assertThat(me.get("roles").get(0).asString()).isEqualTo("MEMBER");
    }

    @Test
    void accepts_a_token_signed_with_a_registered_ed25519_key() throws Exception {
        String token = sign(registryKey, new Ed25519Signer(registryKey), JWSAlgorithm.EdDSA, claims("REGISTRY").build());

        JsonNode me = json(http.get("/api/v1/whoami", bearer(token)));

        assertThat(me.get("kind").asString()).isEqualTo("member");
        assertThat(me.get("organisation").asString()).isEqualTo("REGISTRY");
    }

    @Test
    void refuses_a_token_from_an_unknown_organisation() throws Exception {
        String token = token(bankKey, claims -> claims.issuer("NOBODY").subject("NOBODY"));

        assertThat(assertProblem(http.get("/api/v1/whoami", bearer(token)), 401, "unknown-organisation")).contains("NOBODY");
    }

    @Test
    void refuses_a_token_signed_with_a_key_not_in_the_organisations_set() throws Exception {
        ECKey unregistered = new ECKeyGenerator(Curve.P_256).keyID("not-registered").generate();

        HttpResponse<String> response = http.get("/api/v1/whoami", bearer(token(unregistered, claims -> { })));

        assertThat(assertProblem(response, 401, "unknown-key")).contains("not-registered");
    }

    @Test
    void refuses_a_token_with_a_bad_signature() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/whoami", bearer(token(strangerKey, claims -> { })));

        assertProblem(response, 401, "bad-signature");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).contains("invalid_token"));
    }

    @Test
    void refuses_an_expired_token() throws Exception {
        Instant now = Instant.now();
        String token = token(bankKey, claims -> claims.issueTime(Date.from(now.minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(2)))));

        assertProblem(http.get("/api/v1/whoami", bearer(token)), 401, "expired");
    }

    @Test
    void refuses_a_token_living_longer_than_five_minutes() throws Exception {
        Instant now = Instant.now();
        String token = token(bankKey, claims -> claims.issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10)))));

        assertProblem(http.get("/api/v1/whoami", bearer(token)), 401, "lifetime-too-long");
    }

    @Test
    void refuses_a_token_for_another_audience() throws Exception {
        String token = token(bankKey, claims -> claims.audience("https://elsewhere.example"));

        assertThat(assertProblem(http.get("/api/v1/whoami", bearer(token)), 401, "wrong-audience")).contains(Http.BASE_URL);
    }

    @Test
    void refuses_a_replayed_token() throws Exception {
        String token = token(bankKey, claims -> { });

        assertThat(http.get("/api/v1/whoami", bearer(token)).statusCode()).isEqualTo(200);
        assertProblem(http.get("/api/v1/whoami", bearer(token)), 401, "replayed");
    }

    @Test
    void lets_only_one_of_several_concurrent_replays_through() throws Exception {
        String token = token(bankKey, claims -> { });
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> new Http(port).get("/api/v1/whoami", bearer(token)).statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<Integer> status : pool.invokeAll(calls)) {
                statuses.add(status.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 401).hasSize(7);
    }

    @Test
    void refuses_a_token_from_a_suspended_organisation() throws Exception {
        String token = token(suspendedKey, claims -> claims.issuer("GONE").subject("GONE"));

        assertProblem(http.get("/api/v1/whoami", bearer(token)), 401, "suspended-organisation");
    }

    @Test
    void refuses_a_malformed_token() throws Exception {
        assertProblem(http.get("/api/v1/whoami", bearer("not.a-jwt")), 401, "malformed-token");
        assertProblem(http.get("/api/v1/whoami", bearer(token(bankKey, claims -> claims.jwtID(null)))), 401, "malformed-token");
        assertProblem(http.get("/api/v1/whoami", bearer(token(bankKey, claims -> claims.subject("SOMEONE-ELSE")))),
                401, "malformed-token");
        assertProblem(http.get("/api/v1/whoami", bearer(token(bankKey, claims -> claims.expirationTime(null)))),
                401, "malformed-token");
    }

    @Test
    void a_member_may_read_the_network_but_not_change_it() throws Exception {
        assertThat(http.get("/api/v1/organisations", bearer(token(bankKey, claims -> { }))).statusCode()).isNotIn(401, 403);
        assertThat(http.post("/api/v1/services/start-a-business/applications", bearer(token(bankKey, claims -> { })), "{}")
                .statusCode()).isNotIn(401, 403);

        assertProblem(http.post("/api/v1/organisations", bearer(token(bankKey, claims -> { })), "{}"), 403, "forbidden");
        assertProblem(http.post("/api/v1/platform-keys:rotate", bearer(token(bankKey, claims -> { })), "{}"), 403, "forbidden");
    }

    private static Organisation organisation(String code, OrganisationStatus status, JWK key) {
        return new Organisation(code, code, OrganisationKind.PRIVATE_PARTNER, status, ReceivingMode.PULL, null,
                new JWKSet(key.toPublicJWK()).toString());
    }

    private static JWTClaimsSet.Builder claims(String organisation) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(organisation)
                .subject(organisation)
                .audience(Http.BASE_URL)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(2))))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String token(ECKey key, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = claims("BANK");
        change.accept(claims);
        return sign(key, new ECDSASigner(key), JWSAlgorithm.ES256, claims.build());
    }

    private static String sign(JWK key, JWSSigner signer, JWSAlgorithm algorithm, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}
