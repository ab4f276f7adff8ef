package org.onestop.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A circuit breaker for one remote party (an organisation's endpoint, a query provider): closed
 * while it answers; open after a number of consecutive failures, when nothing is sent to it;
 * half-open after a cool-down, when one trial call goes through, and its success closes the
 * breaker again (its failure opens it anew).
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final Clock clock;
    private final int threshold;
    private final Duration coolDown;
    private State state = State.CLOSED;
    private int failures;
    private Instant openedAt;
    private boolean trialOut;

    public CircuitBreaker(Clock clock, int threshold, Duration coolDown) {
        if (threshold < 1) {
            throw new IllegalArgumentException("a breaker opens after at least one failure");
        }
        this.clock = clock;
        this.threshold = threshold;
        this.coolDown = coolDown;
    }

    /** Whether a call may go now; in the half-open state only the one trial may. */
    public synchronized boolean tryPass() {
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
    public synchronized boolean wouldPass() {
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> !clock.instant().isBefore(openedAt.plus(coolDown));
            case HALF_OPEN -> !trialOut;
        };
    }

    public synchronized void succeeded() {
        state = State.CLOSED;
        failures = 0;
        trialOut = false;
    }

    public synchronized void failed() {
        failures++;
        if (state == State.HALF_OPEN || failures >= threshold) {
            state = State.OPEN;
            openedAt = clock.instant();
            trialOut = false;
        }
    }

    /** A call that passed was never made: the trial, if it was one, is free again. */
    public synchronized void abandoned() {
        if (state == State.HALF_OPEN) {
            trialOut = false;
        }
    }

    public synchronized State state() {
        return state;
    }

    /** How long until an open breaker lets a trial through; zero when it would now. */
    public synchronized Duration retryAfter() {
        if (state != State.OPEN) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), openedAt.plus(coolDown));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
