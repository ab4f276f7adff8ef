package org.onestop.exchange.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One organisation's circuit breaker: closed while its endpoint answers; open after a number of
 * consecutive failures, when nothing is pushed to it; half-open after a cool-down, when one trial
 * push goes through, and its success closes the breaker again (its failure opens it anew).
 */
final class CircuitBreaker {

    enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final Clock clock;
    private final int threshold;
    private final Duration coolDown;
    private State state = State.CLOSED;
    private int failures;
    private Instant openedAt;
    private boolean trialOut;

    CircuitBreaker(Clock clock, int threshold, Duration coolDown) {
        if (threshold < 1) {
            throw new IllegalArgumentException("a breaker opens after at least one failure");
        }
        this.clock = clock;
        this.threshold = threshold;
        this.coolDown = coolDown;
    }

    /** Whether a push may go now; in the half-open state only the one trial may. */
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

    /** Whether {@link #tryPass()} could say yes now, without taking the trial. */
    synchronized boolean wouldPass() {
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> !clock.instant().isBefore(openedAt.plus(coolDown));
            case HALF_OPEN -> !trialOut;
        };
    }

    synchronized void succeeded() {
        state = State.CLOSED;
        failures = 0;
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

    /** A push that passed was never made (its claim was rolled back): the trial, if it was one, is free again. */
    synchronized void abandoned() {
        if (state == State.HALF_OPEN) {
            trialOut = false;
        }
    }

    synchronized State state() {
        return state;
    }
}
