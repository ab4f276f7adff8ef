package org.onestop.mandates.internal;

import org.onestop.platform.Digests;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** One-time confirmation tokens: 256 random bits, base64url; only their SHA-256 hash is stored. */
final class ConfirmationTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private ConfirmationTokens() {
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text could be a token at all; anything else is unknown without asking the database. */
    static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }

    static String hash(String token) {
        return Digests.sha256Hex(token);
    }
}
