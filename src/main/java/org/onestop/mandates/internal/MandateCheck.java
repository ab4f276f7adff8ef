package org.onestop.mandates.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.onestop.mandates.Mandate;
import org.onestop.mandates.MandateDecision;
import org.onestop.mandates.MandateRefusal;

/** Picks the decision from all the mandates between one agent and one principal. */
final class MandateCheck {

    private MandateCheck() {
    }

    static MandateDecision decide(List<Mandate> mandates, String service, LocalDate day) {
        for (Mandate mandate : mandates) {
            if (mandate.refusalFor(service, day) == null) {
                return MandateDecision.allowedBy(mandate.id());
            }
        }
        return mandates.stream()
                .map(m -> m.refusalFor(service, day))
                .min(Comparator.comparingInt(MandateCheck::specificity))
                .map(MandateDecision::refused)
                .orElse(MandateDecision.refused(MandateRefusal.NO_MANDATE));
    }

    /** Lower is closer to allowing: a mandate for this service explains more than one for another. */
    private static int specificity(MandateRefusal refusal) {
        return switch (refusal) {
            case EXPIRED -> 0;
            case REVOKED -> 1;
            case NOT_YET_VALID -> 2;
            case NOT_CONFIRMED -> 3;
            case OTHER_SERVICE -> 4;
            case NO_MANDATE -> 5;
        };
    }
}
