package org.onestop.insight;

/** Synthetic history for the demo network, so that dashboards show something true to life on a fresh install. */
public interface History {

    /**
     * Writes {@code cases} cases spread over the last {@code months} months into the event log and
     * rebuilds the roll-ups; the same seed gives the same history.
     *
     * @return the number of events written
     */
    long generate(int cases, int months, long seed);
}
