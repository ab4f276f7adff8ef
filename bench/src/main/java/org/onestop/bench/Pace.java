package org.onestop.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Waits for a request's due time in an open-loop load. The wait sleeps until just before that time
 * and spins only the last moment: a load generator that spins while it waits takes the cores the
 * measured server needs (on this two-core machine, eight spinning clients leave it almost none).
 */
final class Pace {

    private static final long SPIN_NANOS = 100_000;

    private Pace() {
    }

    /** Returns at {@code dueNanos} ({@link System#nanoTime()}), or at once when that time has passed. */
    static void until(long dueNanos) {
        long left;
        while ((left = dueNanos - System.nanoTime()) > SPIN_NANOS) {
            LockSupport.parkNanos(left - SPIN_NANOS);
        }
        while (System.nanoTime() < dueNanos) {
            Thread.onSpinWait();
        }
    }
}
