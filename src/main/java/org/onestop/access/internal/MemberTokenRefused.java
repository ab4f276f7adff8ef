package org.onestop.access.internal;

import org.springframework.security.core.AuthenticationException;

/** A member's bearer token was refused; {@link Reason} says which rule it broke. */
final class MemberTokenRefused extends AuthenticationException {

    enum Reason {
        MALFORMED("malformed-token"),
        UNKNOWN_ORGANISATION("unknown-organisation"),
        SUSPENDED_ORGANISATION("suspended-organisation"),
        UNKNOWN_KEY("unknown-key"),
        BAD_SIGNATURE("bad-signature"),
        EXPIRED("expired"),
        LIFETIME_TOO_LONG("lifetime-too-long"),
        WRONG_AUDIENCE("wrong-audience"),
        REPLAYED("replayed");

        final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    private final Reason reason;

    MemberTokenRefused(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
