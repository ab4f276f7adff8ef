package org.onestop.demo.internal;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.onestop.network.Organisation;
import org.onestop.network.Organisations;
import org.onestop.network.ReceivingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The demo organisations' simulated systems: each gets a key pair of its own at startup (its
 * public half registered, as a real member would), receives work by push at
 * {@code /demo/back-offices/{code}}, and signs the member tokens it calls the platform with.
 */
@Component
@ConditionalOnProperty(name = "onestop.demo.back-offices.enabled", havingValue = "true")
class BackOffices {

    static final String PATH = "/demo/back-offices/";
    /** The demo organisations that do steps or answer queries; the intermediary has no back office. */
    static final List<String> SIMULATED = List.of("business-registry", "tax-agency", "municipality-northfield",
            "municipality-southport", "northbank", "address-register");
    private static final Logger log = LoggerFactory.getLogger(BackOffices.class);

    private final Organisations organisations;
    private final Environment environment;
    private final Map<String, ECKey> keys = new ConcurrentHashMap<>();

    BackOffices(Organisations organisations, Environment environment,
            @Value("${onestop.demo.back-offices.force:false}") boolean forced) {
        String refusal = BackOfficeGuard.refusal(Arrays.asList(environment.getActiveProfiles()),
                environment.getProperty("spring.datasource.url"), forced);
        if (refusal != null) {
            throw new BackOfficesRefused(refusal);
        }
        this.organisations = organisations;
        this.environment = environment;
    }

    /** Registers a fresh key for each simulated organisation and points its pushes at its simulator. */
    void connect() {
        for (String code : SIMULATED) {
            Organisation organisation = organisations.find(code).orElse(null);
            if (organisation == null || !ours(organisation) && organisation.receiving() != ReceivingMode.INBOX) {
                continue;
            }
            ECKey key = newKey(code);
            keys.put(code, key);
            organisations.save(new Organisation(code, organisation.name(), organisation.kind(), organisation.status(),
                    ReceivingMode.PUSH, URI.create(platform() + PATH + code), new JWKSet(key.toPublicJWK()).toString()));
        }
        log.info("Demo back offices are on: {} receive their work by push and report outcomes by themselves "
                + "(ONESTOP_DEMO_BACK_OFFICES=false to do the steps by hand in the console)", keys.keySet());
    }

    boolean simulates(String code) {
        return keys.containsKey(code);
    }

    /** Where the platform answers, as seen from this node. */
    String platform() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    /** A single-use member token of the organisation, as its own system would sign it. */
    String token(String code) {
        try {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(code).subject(code).audience(audience())
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)))
                    .jwtID(UUID.randomUUID().toString()).build();
            ECKey key = keys.get(code);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a demo member token", e);
        }
    }

    /** A JSON document signed by the organisation's key (compact JWS), as a register signs its answers. */
    String sign(String code, String json) {
        try {
            ECKey key = keys.get(code);
            JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                    new Payload(json));
            jws.sign(new ECDSASigner(key));
            return jws.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a demo answer", e);
        }
    }

    static boolean ours(Organisation organisation) {
        return organisation.endpoint() != null && organisation.endpoint().getPath().startsWith(PATH);
    }

    /** The audience member tokens must name: the configured base URL, or this node on localhost. */
    private String audience() {
        String configured = environment.getProperty("onestop.base-url", "").strip();
        if (!configured.isEmpty()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    private static ECKey newKey(String code) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(code + "-demo-" + UUID.randomUUID().toString().substring(0, 8)).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not make a demo key", e);
        }
    }
}
