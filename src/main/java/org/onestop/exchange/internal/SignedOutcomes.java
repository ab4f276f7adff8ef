package org.onestop.exchange.internal;

import java.text.ParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import org.onestop.network.Organisation;
import org.onestop.platform.Digests;
import org.onestop.platform.InvalidInput;
import org.onestop.platform.Violation;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outcomes signed by the organisation that reports them, kept as proof: a compact JWS whose
 * payload is the outcome JSON with its {@code deliveryId}, or a Security Event Token (RFC 8417)
 * with one {@link #COMPLETED} or {@link #REJECTED} event; a rejection that asks the applicant to
 * correct carries {@code correction} (with optional {@code fields}) in either form. The signature must verify with a key
 * registered for the organisation; the delivery id inside must be the one posted to, so a
 * signed outcome cannot be replayed for another delivery.
 */
final class SignedOutcomes {

    static final String JWS = "application/jose";
    static final String SET = "application/secevent+jwt";
    static final String COMPLETED = "https://onestop.example/secevent/step-completed";
    static final String REJECTED = "https://onestop.example/secevent/step-rejected";
    static final int MAX_LENGTH = 65_536;
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512,
            JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

    /** A verified outcome with its proof: the token as sent, its format ({@code jws} or {@code set}) and its SHA-256. */
    record Signed(ExchangeApi.Outcome outcome, String proof, String format, String digest) {
    }

    private SignedOutcomes() {
    }

    static Signed verify(String token, boolean securityEvent, Organisation organisation, UUID deliveryId, JsonMapper json) {
        String compact = token == null ? "" : token.trim();
        if (compact.isEmpty() || compact.length() > MAX_LENGTH) {
            throw invalid("signature", "must be a compact JWS of at most " + MAX_LENGTH + " characters");
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (ParseException e) {
            throw invalid("signature", "is not a compact JWS");
        }
        checkSignature(jws, organisation);
        JsonNode claims = read(jws.getPayload().toString(), json);
        ExchangeApi.Outcome outcome = securityEvent ? fromEvent(claims, organisation, deliveryId) : fromJws(claims, deliveryId);
        return new Signed(outcome, compact, securityEvent ? "set" : "jws", Digests.sha256Hex(compact));
    }

    private static void checkSignature(JWSObject jws, Organisation organisation) {
        if (!ALGORITHMS.contains(jws.getHeader().getAlgorithm())) {
            throw invalid("signature", "algorithm " + jws.getHeader().getAlgorithm() + " is not accepted; use ES256, RS256, PS256 or EdDSA");
        }
        String kid = jws.getHeader().getKeyID();
        JWK key;
        try {
            key = kid == null ? null : JWKSet.parse(organisation.jwks()).getKeyByKeyId(kid);
        } catch (ParseException e) {
            key = null;
        }
        if (key == null || KeyUse.ENCRYPTION.equals(key.getKeyUse())) {
            throw invalid("signature", "the header must name (kid) a signing key registered for " + organisation.code());
        }
        boolean valid;
        try {
            valid = jws.verify(verifierFor(key));
        } catch (JOSEException | IllegalStateException e) {
            valid = false;
        }
        if (!valid) {
            throw invalid("signature", "does not verify with the key " + kid + " registered for " + organisation.code());
        }
    }

    private static JWSVerifier verifierFor(JWK key) throws JOSEException {
        if (key instanceof ECKey ec) {
            return new ECDSAVerifier(ec);
        }
        if (key instanceof RSAKey rsa) {
            return new RSASSAVerifier(rsa);
        }
        if (key instanceof OctetKeyPair okp) {
            return new Ed25519Verifier(okp);
        }
        throw new JOSEException("unsupported key type " + key.getKeyType());
    }

    private static ExchangeApi.Outcome fromJws(JsonNode payload, UUID deliveryId) {
        checkDelivery(payload, deliveryId, "deliveryId");
        JsonNode output = payload.get("output");
        JsonNode declaredFinal = payload.get("final");
        return new ExchangeApi.Outcome(text(payload, "status"), output == null || output.isNull() ? null : output,
                text(payload, "reason"), correction(payload), declaredFinal != null && declaredFinal.isBoolean()
                        ? declaredFinal.asBoolean() : null);
    }

    private static ExchangeApi.Outcome fromEvent(JsonNode claims, Organisation organisation, UUID deliveryId) {
        if (!organisation.code().equals(text(claims, "iss"))) {
            throw invalid("iss", "must be the organisation's code, " + organisation.code());
        }
        if (!claims.path("iat").isNumber() || text(claims, "jti") == null) {
            throw invalid("jti", "a Security Event Token needs iat and jti");
        }
        JsonNode events = claims.path("events");
        boolean completed = events.has(COMPLETED);
        if (!events.isObject() || events.size() != 1 || !completed && !events.has(REJECTED)) {
            throw invalid("events", "must hold exactly one event: " + COMPLETED + " or " + REJECTED);
        }
        JsonNode event = events.get(completed ? COMPLETED : REJECTED);
        checkDelivery(event, deliveryId, "events.deliveryId");
        JsonNode output = event.get("output");
        return completed ? new ExchangeApi.Outcome("completed", output == null || output.isNull() ? null : output, null,
                correction(event)) : new ExchangeApi.Outcome("rejected", null, text(event, "reason"), correction(event));
    }

    /** The outcome's {@code correction}: absent or null for none, else an object with an optional array of field paths. */
    private static ExchangeApi.Correction correction(JsonNode node) {
        JsonNode correction = node.get("correction");
        if (correction == null || correction.isNull()) {
            return null;
        }
        JsonNode fields = correction.path("fields");
        if (!correction.isObject() || !fields.isMissingNode() && !fields.isNull() && !fields.isArray()) {
            throw invalid("correction", "must be an object, optionally with fields: an array of form field paths");
        }
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode field : fields.isArray() ? fields : List.<JsonNode>of()) {
            if (!field.isString()) {
                throw invalid("correction.fields", "must hold form field paths as strings");
            }
            names.add(field.asString());
        }
        return new ExchangeApi.Correction(names);
    }

    private static void checkDelivery(JsonNode node, UUID deliveryId, String path) {
        if (!deliveryId.toString().equals(text(node, "deliveryId"))) {
            throw invalid(path, "must be the id of the delivery the outcome is posted to (" + deliveryId + ")");
        }
    }

    private static JsonNode read(String payload, JsonMapper json) {
        try {
            JsonNode node = json.readTree(payload);
            if (node == null || !node.isObject()) {
                throw invalid("payload", "must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw invalid("payload", "must be a JSON object");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    private static InvalidInput invalid(String path, String message) {
        return new InvalidInput("The signed outcome is not valid", List.of(new Violation(path, message)));
    }
}
