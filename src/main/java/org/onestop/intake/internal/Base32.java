package org.onestop.intake.internal;

import java.util.Locale;

/** Crockford's base32: no I, L, O or U, so codes read aloud and typed by people survive. */
final class Base32 {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private Base32() {
    }

    /** The first {@code length} characters of the bytes in base32. */
    static String encode(byte[] bytes, int length) {
        StringBuilder text = new StringBuilder(length);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5 && text.length() < length) {
                text.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return text.toString();
    }

    /** What a person typed, as the code it means: case and dashes ignored, O read as 0, I and L as 1. */
    static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        return typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "").replace('O', '0').replace('I', '1').replace('L', '1');
    }
}
