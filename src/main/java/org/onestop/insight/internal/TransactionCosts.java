package org.onestop.insight.internal;

import org.onestop.insight.GovernanceFit;
import org.onestop.network.ActivityProfile;
import org.onestop.network.Agreement;
import org.onestop.network.GovernanceMode;

/**
 * Williamson's transaction cost prediction of the governance mode that fits an activity: asset
 * specificity weighs most, uncertainty and frequency decide between the hybrid and the hierarchy.
 * <ul>
 * <li>low specificity (1-2): a standard activity; the market does it cheapest, so contract;</li>
 * <li>high specificity (4-5) and recurrent (frequency 3+) or highly uncertain (4+): the
 * relation-specific investment and the adaptation it needs are safest in-house;</li>
 * <li>otherwise (medium specificity, or high specificity but occasional): a partnership
 * (hybrid, relational contracting) shares the investment without full integration.</li>
 * </ul>
 */
final class TransactionCosts {

    private TransactionCosts() {
    }

    static GovernanceFit fit(Agreement agreement) {
        String mode = label(agreement.governance());
        ActivityProfile a = agreement.activity();
        if (a == null) {
            return new GovernanceFit(agreement.code(), agreement.organisation(), mode, null, null, null, null,
                    "No activity profile is declared");
        }
        GovernanceMode predicted;
        String reason;
        if (a.assetSpecificity() <= 2) {
            predicted = GovernanceMode.CONTRACT;
            reason = "Low asset specificity: a standard activity is best bought on the market";
        } else if (a.assetSpecificity() >= 4 && (a.frequency() >= 3 || a.uncertainty() >= 4)) {
            predicted = GovernanceMode.IN_HOUSE;
            reason = "High asset specificity in a " + (a.uncertainty() >= 4 ? "highly uncertain" : "recurrent")
                    + " activity: safeguarded best in-house";
        } else {
            predicted = GovernanceMode.PARTNERSHIP;
            reason = a.assetSpecificity() >= 4 ? "High asset specificity but occasional: a partnership shares the investment"
                    : "Medium asset specificity: a partnership balances control and cost";
        }
        return new GovernanceFit(agreement.code(), agreement.organisation(), mode, a.assetSpecificity(), a.uncertainty(),
                a.frequency(), label(predicted), reason);
    }

    static String label(GovernanceMode mode) {
        switch (mode) {
            case IN_HOUSE:
                return "in-house";
            case PARTNERSHIP:
                return "partnership";
            default:
                return "contract";
        }
    }
}
