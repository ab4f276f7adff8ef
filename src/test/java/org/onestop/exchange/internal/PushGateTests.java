package org.onestop.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.onestop.exchange.internal.PushGate.Outcome;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.onestop.platform.CircuitBreaker;

class PushGateTests {

    final CircuitBreakerTests.HandClock clock = new CircuitBreakerTests.HandClock();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final PushGate gate = new PushGate(clock, 2, 2, Duration.ofSeconds(30), meters);

    @Test
    void lets_at_most_the_limit_of_pushes_per_organisation_be_in_flight() {
        assertThat(gate.admit("registry")).isTrue();
        assertThat(gate.admit("registry")).isTrue();
        assertThat(gate.admit("registry")).isFalse();
        assertThat(gate.admit("tax")).as("other organisations have their own limit").isTrue();
        assertThat(gate.closed()).containsExactly("registry");

        gate.finished("registry", Outcome.ANSWERED);
        assertThat(gate.inFlight("registry")).isEqualTo(1);
        assertThat(gate.closed()).isEmpty();
        assertThat(gate.admit("registry")).isTrue();
    }

    @Test
    void an_organisation_whose_breaker_is_open_is_closed_until_its_cool_down_ends() {
        gate.admit("registry");
        gate.admit("registry");
        gate.finished("registry", Outcome.FAILED);
        gate.finished("registry", Outcome.FAILED);

        assertThat(gate.inFlight("registry")).isZero();
        assertThat(gate.closed()).containsExactly("registry");
        assertThat(gate.admit("registry")).isFalse();
        assertThat(meters.get("onestop.exchange.breaker.open").tag("organisation", "registry").gauge().value()).isEqualTo(1.0);

        clock.advance(Duration.ofSeconds(30));
        assertThat(gate.closed()).isEmpty();
        assertThat(gate.admit("registry")).isTrue();
        assertThat(gate.admit("registry")).as("one trial while half-open").isFalse();
        gate.finished("registry", Outcome.ANSWERED);
        assertThat(gate.state("registry")).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(meters.get("onestop.exchange.breaker.open").tag("organisation", "registry").gauge().value()).isZero();
    }

    @Test
    void an_abandoned_push_gives_its_place_back() {
        gate.admit("registry");
        gate.admit("registry");
        gate.abandoned("registry");
        assertThat(gate.admit("registry")).isTrue();
    }
}
