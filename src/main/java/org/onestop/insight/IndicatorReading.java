package org.onestop.insight;

import java.util.List;

/**
 * An indicator measured month by month.
 *
 * @param status {@code target met}, {@code improving} (better than the baseline), {@code no change},
 *        {@code worse than baseline} or {@code not measured}
 * @param wrongWay the indicator is worse than its baseline, or fell in each of the last two
 *        months: a sign that the collaboration may be destroying value here
 */
public record IndicatorReading(PublicValueIndicator indicator, List<Point> values, Double latest, String status,
        boolean wrongWay) {

    public IndicatorReading {
        values = List.copyOf(values);
    }

    public record Point(String period, Double value) {
    }
}
