package org.onestop.insight;

import java.time.LocalDate;
import java.util.List;

/** Partner scorecards and governance alignment, per agreement of the network. */
public interface Scorecards {

    List<PartnerScorecard> partners(LocalDate from, LocalDate to);

    List<GovernanceFit> alignment();

    /** Performance per governance mode, over all agreements under it. */
    List<ModePerformance> byMode(LocalDate from, LocalDate to);
}
