package org.onestop.keys.internal;

/** The platform's signing keys cannot be created, read or used: a deployment fault, not a user error. */
final class PlatformKeyException extends RuntimeException {

    PlatformKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
