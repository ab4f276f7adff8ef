package org.onestop.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.insight.IndicatorReading;
import org.onestop.insight.PublicValueIndicator;

class PublicValueRulesTests {

    static PublicValueIndicator indicator(String better, Double baseline, Double target) {
        return new PublicValueIndicator("i", "Indicator", "applicants", "service quality", "s", "completion-rate", better,
                baseline, target);
    }

    static List<IndicatorReading.Point> values(Double... values) {
        List<IndicatorReading.Point> points = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new IndicatorReading.Point("2026-0" + (i + 1), values[i]));
        }
        return points;
    }

    @Test
    void falling_in_each_of_the_last_two_months_is_flagged_even_above_the_baseline() {
        IndicatorReading reading = JdbcPublicValue.reading(indicator("higher", 0.5, 0.9), values(0.8, 0.7, 0.6));
        assertThat(reading.status()).isEqualTo("improving");
        assertThat(reading.wrongWay()).isTrue();
    }

    @Test
    void lower_is_better_turns_the_comparison_round() {
        assertThat(JdbcPublicValue.reading(indicator("lower", 6.0, 4.0), values(5.0, 3.5)).status()).isEqualTo("target met");
        IndicatorReading worse = JdbcPublicValue.reading(indicator("lower", 6.0, 4.0), values(5.0, 7.0));
        assertThat(worse.status()).isEqualTo("worse than baseline");
        assertThat(worse.wrongWay()).isTrue();
    }

    @Test
    void months_without_a_measure_are_skipped_and_none_at_all_is_not_measured() {
        assertThat(JdbcPublicValue.reading(indicator("higher", 0.5, 0.9), values(0.6, null)).latest()).isEqualTo(0.6);
        assertThat(JdbcPublicValue.reading(indicator("higher", 0.5, 0.9), values(null, null)).status())
                .isEqualTo("not measured");
    }
}
