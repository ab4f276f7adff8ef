package org.onestop.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Who used whose data: deliveries, registry queries and operators' views, read from the event log with their ledger entries. */
public interface DataUses {

    int MAX_ROWS = 500;

    /** Every use of one application's data, oldest first. */
    List<DataUse> ofApplication(UUID applicationId);

    /**
     * Uses across cases, newest first, at most {@value #MAX_ROWS}: by one organisation (or all when
     * {@code null}) from {@code from} (included) to {@code to} (excluded).
     */
    List<DataUse> across(String organisation, Instant from, Instant to);
}
