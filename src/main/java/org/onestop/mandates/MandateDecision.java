package org.onestop.mandates;

import java.util.UUID;

/** The answer to "may this agent act for this principal for this service today?". */
public record MandateDecision(UUID mandateId, MandateRefusal refusal) {

    public static MandateDecision allowedBy(UUID mandateId) {
        return new MandateDecision(mandateId, null);
    }

    public static MandateDecision refused(MandateRefusal refusal) {
        return new MandateDecision(null, refusal);
    }

    public boolean allowed() {
        return refusal == null;
    }
}
