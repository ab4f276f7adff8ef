package org.onestop.insight;

import java.time.Instant;
import java.util.UUID;

/**
 * A complaint about the service, or an appeal against a rejected step, made by an applicant from
 * the status page ({@code complaint-made}, {@code appeal-made} in the event log).
 *
 * @param kind {@code complaint} or {@code appeal}
 * @param step the appealed step; null for a complaint
 * @param organisation the organisation that rejected the appealed step; null for a complaint
 * @param text the applicant's words, as written (escape them when shown)
 */
public record Complaint(UUID id, Instant madeAt, String kind, UUID caseId, String reference, String service,
        String step, String organisation, String text) {

    public static final String COMPLAINT_MADE = "complaint-made";
    public static final String APPEAL_MADE = "appeal-made";

    public boolean appeal() {
        return "appeal".equals(kind);
    }
}
