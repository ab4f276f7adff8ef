package org.onestop.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The published KPIs of one service in one period and channel ({@code all} for every channel).
 *
 * @param started journeys started: portal journeys once each (a resume is not a new start), other channels at submission
 * @param completed cases that ended with an outcome, approved or rejected (an ineligible outcome is still a completed transaction)
 * @param rejected of the completed, those with a rejected outcome
 * @param withdrawn cases the applicant withdrew: ended, but not completed
 * @param digitalCompleted completions in a digital channel (portal, API, bulk, assisted digital)
 * @param cost full cost: agreements' cost per case for the steps done, plus the platform's share of its running cost
 * @param satisfaction answers per level, index 0 = very dissatisfied (1) … index 4 = very satisfied (5)
 * @param submitted cases submitted (in every channel, the portal included)
 * @param complaints complaints about the service made by applicants
 * @param appeals appeals made by applicants against a rejected step
 * @param prefilled of the submitted, the cases with at least one registry query attributed to their application
 *        (the portal's prefill from a registry), counted on the day of submission
 * @param milestoneCases cases that ended (completed, rejected or withdrawn) with at least one completed step
 * @param updatedCases of those, the cases in which every completed step had an update to the applicant from its
 *        organisation in the round that completed it
 */
public record ServiceKpis(String service, LocalDate periodStart, String period, String channel, long started,
        long completed, long rejected, long withdrawn, long digitalCompleted, BigDecimal cost, String currency,
        List<Long> satisfaction, long submitted, long complaints, long appeals, long prefilled, long milestoneCases,
        long updatedCases) {

    public static final String ALL_CHANNELS = "all";
    /** Channels that are digital; assisted digital counts as digital. Anything else (paper, phone) is not. */
    public static final java.util.Set<String> DIGITAL_CHANNELS = java.util.Set.of("portal", "api", "bulk", "assisted");

    public ServiceKpis {
        satisfaction = List.copyOf(satisfaction);
    }

    public boolean digitalChannel() {
        return DIGITAL_CHANNELS.contains(channel);
    }

    /** completed / started, or null when nothing started. */
    public Double completionRate() {
        return started == 0 ? null : (double) completed / started;
    }

    /** digital completions / completions in all channels, or null without completions. */
    public Double digitalTakeUp() {
        return completed == 0 ? null : (double) digitalCompleted / completed;
    }

    /** full cost / completed transactions, or null without completions. */
    public BigDecimal costPerTransaction() {
        return completed == 0 ? null : cost.divide(BigDecimal.valueOf(completed), 2, RoundingMode.HALF_UP);
    }

    /** Complaints per 1,000 cases submitted in the period, or null when none was submitted. */
    public Double complaintsPerThousand() {
        return submitted == 0 ? null : complaints * 1000.0 / submitted;
    }

    /** Appeals per 1,000 cases submitted in the period, or null when none was submitted. */
    public Double appealsPerThousand() {
        return submitted == 0 ? null : appeals * 1000.0 / submitted;
    }

    /** Complaints and appeals together per 1,000 cases submitted in the period. */
    public Double complaintsAndAppealsPerThousand() {
        return submitted == 0 ? null : (complaints + appeals) * 1000.0 / submitted;
    }

    /** Cases prefilled from a registry / cases submitted, or null when none was submitted. */
    public Double prefilledShare() {
        return submitted == 0 ? null : (double) prefilled / submitted;
    }

    /**
     * Cases whose every milestone (completed step) was announced by an update to the applicant /
     * cases that ended with at least one milestone, or null when none did.
     */
    public Double statusUpdatedShare() {
        return milestoneCases == 0 ? null : (double) updatedCases / milestoneCases;
    }

    public long answers() {
        return satisfaction.stream().mapToLong(Long::longValue).sum();
    }

    /** The share of "satisfied" and "very satisfied" answers, or null without answers. */
    public Double userSatisfaction() {
        long answers = answers();
        return answers == 0 ? null : (double) (satisfaction.get(3) + satisfaction.get(4)) / answers;
    }
}
