package org.onestop.insight;

/**
 * An agreement's governance mode next to the one transaction cost theory predicts from its
 * activity profile (asset specificity, uncertainty, frequency, each 1-5).
 *
 * @param predicted in-house, partnership or contract; null when the agreement has no activity profile
 * @param reason why that mode is predicted, in words a manager can check
 */
public record GovernanceFit(String agreement, String organisation, String governance, Integer assetSpecificity,
        Integer uncertainty, Integer frequency, String predicted, String reason) {

    public boolean aligned() {
        return predicted == null || predicted.equals(governance);
    }
}
