package org.onestop.platform;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rule for the idempotency keys callers send to retry a write safely: 1 to 200 visible ASCII characters. */
public final class IdempotencyKeys {

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private IdempotencyKeys() {
    }

    /** What is wrong with the key at {@code path}, if anything; no key is fine. */
    public static Optional<Violation> problem(String key, String path) {
        return key == null || KEY.matcher(key).matches() ? Optional.empty()
                : Optional.of(new Violation(path, "must be 1 to 200 visible ASCII characters"));
    }

    /** Refuses a malformed {@code Idempotency-Key} header as a 422 problem. */
    public static void checkHeader(String key) {
        problem(key, "Idempotency-Key").ifPresent(violation -> {
            throw new InvalidInput("Invalid Idempotency-Key", List.of(violation));
        });
    }
}
