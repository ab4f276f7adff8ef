package org.onestop.intake.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applicants' access codes, derived from the application id with a secret key (HMAC-SHA256), so
 * that no code is stored anywhere and an idempotent replay can give the same code again.
 * Codes are 12 characters of Crockford base32 (60 bits), shown as three groups of four.
 */
@Component
class AccessCodes {

    private final JdbcClient jdbc;
    private volatile SecretKeySpec key;

    AccessCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String codeFor(UUID applicationId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            byte[] digest = mac.doFinal(applicationId.toString().getBytes(StandardCharsets.US_ASCII));
            String code = Base32.encode(digest, 12);
            return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    boolean matches(UUID applicationId, String given) {
        String normalised = Base32.normalise(given);
        String expected = codeFor(applicationId).replace("-", "");
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), normalised.getBytes(StandardCharsets.US_ASCII));
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("INSERT INTO platform_secret (name, secret) VALUES ('access-codes', ?) ON CONFLICT DO NOTHING")
                    .param(Base64.getEncoder().encodeToString(fresh)).update();
            String stored = jdbc.sql("SELECT secret FROM platform_secret WHERE name = 'access-codes'")
                    .query(String.class).single();
            current = new SecretKeySpec(Base64.getDecoder().decode(stored), "HmacSHA256");
            key = current;
        }
        return current;
    }
}
