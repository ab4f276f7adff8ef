package org.onestop.insight;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/** The length of the periods a measure is reported for. */
public enum Granularity {
    DAY, WEEK, MONTH;

    /** The first day of the period that contains the day. */
    public LocalDate start(LocalDate day) {
        switch (this) {
            case WEEK:
                return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH:
                return day.withDayOfMonth(1);
            default:
                return day;
        }
    }

    /** A label for the period starting on the day: 2026-03-02, 2026-W10, 2026-03. */
    public String label(LocalDate start) {
        switch (this) {
            case WEEK:
                return start.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH:
                return start.toString().substring(0, 7);
            default:
                return start.toString();
        }
    }
}
