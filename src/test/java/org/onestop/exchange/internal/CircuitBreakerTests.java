package org.onestop.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.onestop.platform.CircuitBreaker.State;
import org.onestop.platform.CircuitBreaker;

class CircuitBreakerTests {

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        private Instant now = Instant.parse("2026-05-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final HandClock clock = new HandClock();
    final CircuitBreaker breaker = new CircuitBreaker(clock, 3, Duration.ofSeconds(30));

    @Test
    void opens_after_the_threshold_of_consecutive_failures() {
        breaker.failed();
        breaker.failed();
        assertThat(breaker.tryPass()).isTrue();
        breaker.failed();

        assertThat(breaker.state()).isEqualTo(State.OPEN);
        assertThat(breaker.tryPass()).isFalse();
        assertThat(breaker.wouldPass()).isFalse();
    }

    @Test
    void a_success_resets_the_count_of_consecutive_failures() {
        breaker.failed();
        breaker.failed();
        breaker.succeeded();
        breaker.failed();
        breaker.failed();

        assertThat(breaker.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void after_the_cool_down_one_trial_goes_through_and_its_success_closes_the_breaker() {
        open();
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.tryPass()).isFalse();

        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.wouldPass()).isTrue();
        assertThat(breaker.tryPass()).isTrue();
        assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
        assertThat(breaker.tryPass()).as("only one trial at a time").isFalse();

        breaker.succeeded();
        assertThat(breaker.state()).isEqualTo(State.CLOSED);
        assertThat(breaker.tryPass()).isTrue();
        assertThat(breaker.tryPass()).isTrue();
    }

    @Test
    void a_failed_trial_opens_the_breaker_for_another_cool_down() {
        open();
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.tryPass()).isTrue();

        breaker.failed();
        assertThat(breaker.state()).isEqualTo(State.OPEN);
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.tryPass()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryPass()).isTrue();
    }

    @Test
    void an_abandoned_trial_frees_the_trial() {
        open();
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.tryPass()).isTrue();
        breaker.abandoned();
        assertThat(breaker.tryPass()).isTrue();
    }

    private void open() {
        breaker.failed();
        breaker.failed();
        breaker.failed();
    }
}
