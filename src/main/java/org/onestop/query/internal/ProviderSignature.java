package org.onestop.query.internal;

import java.text.ParseException;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;

/** Checks an answer a provider signed as a compact JWS with one of its registered keys (ES256 or EdDSA). */
final class ProviderSignature {

    private ProviderSignature() {
    }

    /** Whether the text is shaped like a compact JWS rather than JSON. */
    static boolean looksLikeJws(String contentType, String body) {
        return contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/jose")
                || body.strip().matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+$");
    }

    /** The signed payload, if the signature verifies with the key the header names; empty otherwise. */
    static Optional<String> verifiedPayload(String compact, String jwks) {
        try {
            JWSObject jws = JWSObject.parse(compact.strip());
            String kid = jws.getHeader().getKeyID();
            JWK key = kid == null ? null : JWKSet.parse(jwks).getKeyByKeyId(kid);
            if (key == null) {
                return Optional.empty();
            }
            JWSVerifier verifier = verifier(jws.getHeader().getAlgorithm(), key);
            return verifier != null && jws.verify(verifier) ? Optional.of(jws.getPayload().toString()) : Optional.empty();
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static JWSVerifier verifier(JWSAlgorithm algorithm, JWK key) throws JOSEException {
        if (JWSAlgorithm.ES256.equals(algorithm) && key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
            return new ECDSAVerifier(ec);
        }
        if ((JWSAlgorithm.EdDSA.equals(algorithm) || JWSAlgorithm.Ed25519.equals(algorithm))
                && key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
            return new Ed25519Verifier(okp);
        }
        return null;
    }
}
