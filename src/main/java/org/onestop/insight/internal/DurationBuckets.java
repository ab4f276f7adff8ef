package org.onestop.insight.internal;

import java.time.Duration;
import java.util.Map;

import org.onestop.insight.Durations;
import java.util.SortedMap;

/**
 * Log-scale buckets for durations in seconds: bucket 0 holds 0 s, bucket b ≥ 1 holds
 * [2^((b-1)/4), 2^(b/4)) seconds, four buckets per doubling. A percentile read from the buckets is
 * interpolated inside one bucket, so it is within 19 % of the exact value in the worst case and
 * usually much closer, while a year of history needs a few hundred rows per step, not one per step.
 */
final class DurationBuckets {

    private static final int PER_DOUBLING = 4;

    private DurationBuckets() {
    }

    static int bucket(long seconds) {
        if (seconds <= 0) {
            return 0;
        }
        return 1 + (int) Math.floor(PER_DOUBLING * Math.log(seconds) / Math.log(2) + 1e-9);
    }

    static double lower(int bucket) {
        return bucket == 0 ? 0 : Math.pow(2, (bucket - 1) / (double) PER_DOUBLING);
    }

    static double upper(int bucket) {
        return bucket == 0 ? 0 : Math.pow(2, bucket / (double) PER_DOUBLING);
    }

    /** The p-quantile (0 < p ≤ 1) of the counted durations, or null when none are counted. */
    static Duration percentile(SortedMap<Integer, Long> counts, double p) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        double rank = Math.max(1, Math.ceil(p * total));
        long seen = 0;
        for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
            if (seen + bucket.getValue() >= rank) {
                int b = bucket.getKey();
                if (b == 0) {
                    return Duration.ZERO;
                }
                // geometric interpolation by the rank's position inside the bucket
                double within = (rank - seen - 0.5) / bucket.getValue();
                double seconds = lower(b) * Math.pow(upper(b) / lower(b), within);
                return Duration.ofMillis(Math.round(seconds * 1000));
            }
            seen += bucket.getValue();
        }
        return null;
    }

    /** Percentiles from the histogram; mean and total from the exact sum when known (totalSeconds ≥ 0). */
    static Durations durations(SortedMap<Integer, Long> histogram, long totalSeconds) {
        if (histogram == null || histogram.isEmpty()) {
            return Durations.NONE;
        }
        long count = histogram.values().stream().mapToLong(Long::longValue).sum();
        Duration total = totalSeconds >= 0 ? Duration.ofSeconds(totalSeconds) : null;
        return new Durations(count, DurationBuckets.percentile(histogram, 0.5), DurationBuckets.percentile(histogram, 0.9),
                total == null ? null : total.dividedBy(count), total == null ? Duration.ZERO : total);
    }
}
