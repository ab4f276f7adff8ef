package org.onestop.query.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker per provider, in memory on each node: closed while the provider answers;
 * open after a number of consecutive failures (no answer in time, no connection, a 5xx, 408 or
 * 429), when queries fail at once with 503; half-open after a cool-down, when one trial query
 * goes through and its success closes the breaker again.
 */
@Component
class ProviderBreakers {

    enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final Clock clock;
    private final int threshold;
    private final Duration coolDown;
    private final Map<String, Breaker> breakers = new ConcurrentHashMap<>();

    ProviderBreakers(Clock clock, @Value("${onestop.query.breaker.failures:5}") int threshold,
            @Value("${onestop.query.breaker.cool-down:PT30S}") Duration coolDown) {
        if (threshold < 1) {
            throw new IllegalArgumentException("a breaker opens after at least one failure");
        }
        this.clock = clock;
        this.threshold = threshold;
        this.coolDown = coolDown;
    }

    /** Whether a query to the provider may go now; every yes must end in {@link #answered} or {@link #failed}. */
    boolean tryPass(String provider) {
        return breaker(provider).tryPass();
    }

    void answered(String provider) {
        breaker(provider).answered();
    }

    void failed(String provider) {
        breaker(provider).failed();
    }

    State state(String provider) {
        Breaker breaker = breakers.get(provider);
        return breaker == null ? State.CLOSED : breaker.state;
    }

    /** How long until the open breaker lets a trial through; zero when it would now. */
    Duration retryAfter(String provider) {
        Breaker breaker = breakers.get(provider);
        if (breaker == null || breaker.openedAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), breaker.openedAt.plus(coolDown));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Breaker breaker(String provider) {
        return breakers.computeIfAbsent(provider, code -> new Breaker());
    }

    private final class Breaker {

        private State state = State.CLOSED;
        private int failures;
        private Instant openedAt;
        private boolean trialOut;

        synchronized boolean tryPass() {
            if (state == State.OPEN && !clock.instant().isBefore(openedAt.plus(coolDown))) {
                state = State.HALF_OPEN;
                trialOut = false;
            }
            if (state == State.CLOSED) {
                return true;
            }
            if (state == State.HALF_OPEN && !trialOut) {
                trialOut = true;
                return true;
            }
            return false;
        }

        synchronized void answered() {
            state = State.CLOSED;
            failures = 0;
            openedAt = null;
            trialOut = false;
        }

        synchronized void failed() {
            failures++;
            if (state == State.HALF_OPEN || failures >= threshold) {
                state = State.OPEN;
                openedAt = clock.instant();
                trialOut = false;
            }
        }
    }
}
