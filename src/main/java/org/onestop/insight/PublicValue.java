package org.onestop.insight;

import java.time.LocalDate;
import java.util.List;

/** The public value scorecard: indicators declared in the network definition, measured from the event log. */
public interface PublicValue {

    List<PublicValueIndicator> indicators();

    /** Replaces the scorecard with these indicators (in this order). */
    void declare(List<PublicValueIndicator> indicators);

    /** Each indicator measured per month of the range. */
    List<IndicatorReading> read(LocalDate from, LocalDate to);
}
