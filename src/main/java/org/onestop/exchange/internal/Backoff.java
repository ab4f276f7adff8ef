package org.onestop.exchange.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: the n-th retry waits a random time between zero and
 * {@code base * 2^(n-1)}, capped; a receiver's Retry-After is honoured (up to the cap).
 */
record Backoff(Duration base, Duration cap, int maxAttempts) {

    Duration delayAfter(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(cap) > 0 ? cap : retryAfter;
        }
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(30, Math.max(0, attempt - 1)));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
