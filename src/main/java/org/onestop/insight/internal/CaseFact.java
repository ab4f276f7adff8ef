package org.onestop.insight.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What the roll-up knows about one case: its service, channel and segment, and its steps. */
final class CaseFact {

    final UUID caseId;
    final String service;
    final String channel;
    final Instant submittedAt;
    /** person or business, empty when not known */
    String principal = "";
    /** self, or intermediary when an agent submitted under a mandate; empty when not known */
    String represented = "";
    Instant endedAt;
    String outcome;
    /** At least one registry query was attributed to the application (the portal's prefill). */
    boolean prefilled;
    final Map<String, StepFact> steps = new LinkedHashMap<>();

    CaseFact(UUID caseId, String service, String channel, Instant submittedAt) {
        this.caseId = caseId;
        this.service = service;
        this.channel = channel;
        this.submittedAt = submittedAt;
    }

    StepFact step(String code, String organisation) {
        StepFact step = steps.computeIfAbsent(code, c -> new StepFact(caseId, c, organisation == null ? "" : organisation));
        if (organisation != null && step.organisation.isEmpty()) {
            step.organisation = organisation;
        }
        return step;
    }
}
