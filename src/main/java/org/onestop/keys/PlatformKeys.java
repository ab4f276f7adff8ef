package org.onestop.keys;

/**
 * The platform's signing keys (EC P-256, ES256). The newest key signs; older keys stay
 * published so that signatures made before a rotation still verify.
 */
public interface PlatformKeys {

    /** Signs the payload with the current key; returns a compact JWS whose header names the key ({@code kid}). */
    String sign(byte[] payload);

    /** Signs a JSON document (UTF-8) with the current key; returns a compact JWS. */
    String sign(String json);

    /** The public JWK set (no private parts), as published at {@code /.well-known/jwks.json}. */
    String publicJwks();

    /** Adds a new current key; the previous keys stay published. Returns the new key's id. */
    String rotate();

    /** The id ({@code kid}, an RFC 7638 thumbprint) of the key that signs now. */
    String currentKeyId();
}
