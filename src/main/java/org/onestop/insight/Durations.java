package org.onestop.insight;

import java.time.Duration;

/** Percentiles and mean of a set of durations; percentiles are read from log-scale buckets (within 10 %). */
public record Durations(long count, Duration p50, Duration p90, Duration mean, Duration total) {

    public static final Durations NONE = new Durations(0, null, null, null, Duration.ZERO);
}
