package org.onestop.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class DurationBucketsTests {

    @Test
    void every_duration_falls_inside_its_bucket() {
        for (long seconds : new long[] {1, 2, 59, 60, 3_600, 86_400, 31_536_000}) {
            int bucket = DurationBuckets.bucket(seconds);
            assertThat((double) seconds).isBetween(DurationBuckets.lower(bucket), DurationBuckets.upper(bucket));
        }
        assertThat(DurationBuckets.bucket(0)).isZero();
    }

    @Test
    void percentiles_of_a_thousand_durations_are_within_ten_percent() {
        SortedMap<Integer, Long> counts = new TreeMap<>();
        for (long s = 1; s <= 1000; s++) {
            counts.merge(DurationBuckets.bucket(s * 60), 1L, Long::sum);
        }
        assertThat((double) DurationBuckets.percentile(counts, 0.5).toSeconds()).isCloseTo(500 * 60, withinPercentage(10));
        assertThat((double) DurationBuckets.percentile(counts, 0.9).toSeconds()).isCloseTo(900 * 60, withinPercentage(10));
        assertThat(DurationBuckets.percentile(new TreeMap<>(), 0.5)).isNull();
    }
}
