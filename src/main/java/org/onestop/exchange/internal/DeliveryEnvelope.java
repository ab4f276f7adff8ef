package org.onestop.exchange.internal;

import java.text.ParseException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * What goes on the wire for a push: the platform's compact JWS as it is, or, when the
 * organisation registered an encryption key ({@code "use": "enc"}), that JWS nested in a compact
 * JWE encrypted to the key (RSA: {@code RSA-OAEP-256}; EC P-256: {@code ECDH-ES+A256KW}; content
 * {@code A256GCM}; {@code cty: JOSE}, as the plaintext is itself a JOSE object).
 */
final class DeliveryEnvelope {

    /** Parsed key sets by their JSON text: organisations rarely change keys, pushes are many. */
    private static final ConcurrentMap<String, Optional<JWK>> ENCRYPTION_KEYS = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 1000;

    private DeliveryEnvelope() {
    }

    /** The body to post: the JWS, encrypted to the organisation's encryption key if it has one. */
    static String seal(String signedJws, String organisationJwks) {
        Optional<JWK> key = encryptionKey(organisationJwks);
        return key.isEmpty() ? signedJws : encrypt(signedJws, key.get());
    }

    static Optional<JWK> encryptionKey(String jwks) {
        if (jwks == null) {
            return Optional.empty();
        }
        Optional<JWK> cached = ENCRYPTION_KEYS.get(jwks);
        if (cached != null) {
            return cached;
        }
        Optional<JWK> found = findEncryptionKey(jwks);
        if (ENCRYPTION_KEYS.size() >= MAX_CACHED) {
            ENCRYPTION_KEYS.clear();
        }
        ENCRYPTION_KEYS.put(jwks, found);
        return found;
    }

    private static Optional<JWK> findEncryptionKey(String jwks) {
        try {
            return JWKSet.parse(jwks).getKeys().stream()
                    .filter(key -> KeyUse.ENCRYPTION.equals(key.getKeyUse()))
                    .filter(key -> key instanceof RSAKey || key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve()))
                    .findFirst();
        } catch (ParseException unreadable) {
            return Optional.empty();
        }
    }

    private static String encrypt(String signedJws, JWK key) {
        try {
            JWEAlgorithm algorithm = key instanceof RSAKey ? JWEAlgorithm.RSA_OAEP_256 : JWEAlgorithm.ECDH_ES_A256KW;
            JWEEncrypter encrypter = key instanceof RSAKey rsa ? new RSAEncrypter(rsa) : new ECDHEncrypter((ECKey) key);
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(algorithm, EncryptionMethod.A256GCM)
                    .contentType("JOSE").keyID(key.getKeyID()).build(), new Payload(signedJws));
            jwe.encrypt(encrypter);
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not encrypt to key " + key.getKeyID(), e);
        }
    }
}
