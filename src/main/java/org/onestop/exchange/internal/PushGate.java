package org.onestop.exchange.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.onestop.platform.CircuitBreaker;

/**
 * What this node lets through to each organisation: at most a number of pushes in flight at once,
 * and nothing while its circuit breaker is open. Held in memory, per node: with several nodes an
 * organisation may receive up to that number from each, and each node learns of a failing
 * endpoint by itself.
 */
final class PushGate {

    /** How a push ended, as the breaker counts it. */
    enum Outcome {
        /** The endpoint took it, or answered that it will not (a 4xx other than 408 or 429): it is up. */
        ANSWERED,
        /** No answer, a 5xx, 408 or 429, or no endpoint to push to. */
        FAILED
    }

    private final Clock clock;
    private final int perOrganisation;
    private final int threshold;
    private final Duration coolDown;
    private final MeterRegistry meters;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

    PushGate(Clock clock, int perOrganisation, int threshold, Duration coolDown, MeterRegistry meters) {
        if (perOrganisation < 1) {
            throw new IllegalArgumentException("at least one push per organisation must be allowed");
        }
        this.clock = clock;
        this.perOrganisation = perOrganisation;
        this.threshold = threshold;
        this.coolDown = coolDown;
        this.meters = meters;
    }

    /** Organisations that can take no push now: all their pushes are in flight, or their breaker is open. */
    Set<String> closed() {
        Set<String> full = inFlight.entrySet().stream().filter(e -> e.getValue() >= perOrganisation)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        breakers.forEach((organisation, breaker) -> {
            if (!breaker.wouldPass()) {
                full.add(organisation);
            }
        });
        return full;
    }

    /** Lets one push to the organisation through, or says no; every yes must end in {@link #finished} or {@link #abandoned}. */
    synchronized boolean admit(String organisation) {
        if (inFlight.getOrDefault(organisation, 0) >= perOrganisation || !breaker(organisation).tryPass()) {
            return false;
        }
        inFlight.merge(organisation, 1, Integer::sum);
        return true;
    }

    synchronized void finished(String organisation, Outcome outcome) {
        release(organisation);
        if (outcome == Outcome.ANSWERED) {
            breaker(organisation).succeeded();
        } else {
            breaker(organisation).failed();
        }
    }

    synchronized void abandoned(String organisation) {
        release(organisation);
        breaker(organisation).abandoned();
    }

    CircuitBreaker.State state(String organisation) {
        CircuitBreaker breaker = breakers.get(organisation);
        return breaker == null ? CircuitBreaker.State.CLOSED : breaker.state();
    }

    int inFlight(String organisation) {
        return inFlight.getOrDefault(organisation, 0);
    }

    private void release(String organisation) {
        inFlight.computeIfPresent(organisation, (code, count) -> count <= 1 ? null : count - 1);
    }

    private CircuitBreaker breaker(String organisation) {
        return breakers.computeIfAbsent(organisation, code -> {
            CircuitBreaker breaker = new CircuitBreaker(clock, threshold, coolDown);
            if (meters != null) {
                Gauge.builder("onestop.exchange.breaker.open", breaker, b -> b.state() == CircuitBreaker.State.CLOSED ? 0 : 1)
                        .tag("organisation", code)
                        .description("1 while pushes to the organisation are held back by its circuit breaker (open or half-open)")
                        .register(meters);
            }
            return breaker;
        });
    }
}
