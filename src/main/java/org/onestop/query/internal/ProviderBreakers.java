package org.onestop.query.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.onestop.platform.CircuitBreaker;
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

    private final Clock clock;
    private final int threshold;
    private final Duration coolDown;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

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
        breaker(provider).succeeded();
    }

    void failed(String provider) {
        breaker(provider).failed();
    }

    /** How long until the open breaker lets a trial through; zero when it would now. */
    Duration retryAfter(String provider) {
        CircuitBreaker breaker = breakers.get(provider);
        return breaker == null ? Duration.ZERO : breaker.retryAfter();
    }

    private CircuitBreaker breaker(String provider) {
        return breakers.computeIfAbsent(provider, code -> new CircuitBreaker(clock, threshold, coolDown));
    }
}
