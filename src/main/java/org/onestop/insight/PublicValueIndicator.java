package org.onestop.insight;

import java.util.Set;

/**
 * One indicator of the public value scorecard, declared in the network definition: which value
 * it shows to whom, the measure it is bound to, where it started and where it should go.
 *
 * @param stakeholder applicants, agencies, partners or society
 * @param dimension e.g. service quality, efficiency, transparency and openness, trust and legitimacy, inclusion and equity
 * @param metric one of {@link #METRICS}
 * @param better {@code higher} or {@code lower}: which way is an improvement
 * @param baseline the value before (ex ante), in the metric's unit (shares as 0-1)
 * @param target the value aimed for
 * @param segment the part of the applicants the metric is measured for; null for all of them
 */
public record PublicValueIndicator(String code, String name, String stakeholder, String dimension, String service,
        String metric, String better, Double baseline, Double target, Segment segment) {

    /** The measures an indicator can be bound to. */
    public static final Set<String> METRICS = Set.of("completion-rate", "digital-takeup", "cost-per-transaction",
            "user-satisfaction", "case-lead-time-days", "first-time-right", "overdue-share", "handoffs-per-case",
            "withdrawn-share", "rejected-share", "paper-share", "complaints-per-1000-cases", "appeals-per-1000-cases",
            "complaints-and-appeals-per-1000-cases", "prefilled-share", "status-updated-share");

    /** The metrics that are shares (0-1). */
    public static final Set<String> SHARES = Set.of("completion-rate", "digital-takeup", "user-satisfaction",
            "first-time-right", "overdue-share", "withdrawn-share", "rejected-share", "paper-share", "prefilled-share",
            "status-updated-share");

    /** The metrics that can be measured for one channel (the daily counts and costs are kept per channel). */
    public static final Set<String> BY_CHANNEL = Set.of("completion-rate", "cost-per-transaction", "user-satisfaction",
            "withdrawn-share", "rejected-share", "complaints-per-1000-cases", "appeals-per-1000-cases",
            "complaints-and-appeals-per-1000-cases", "prefilled-share", "status-updated-share");

    /**
     * The metrics that can be measured by principal or representation. Not the completion rate (a
     * portal journey starts before anyone knows whom it is for) nor cost (steps are costed per channel).
     */
    public static final Set<String> BY_APPLICANT = Set.of("digital-takeup", "user-satisfaction", "withdrawn-share",
            "rejected-share", "paper-share", "complaints-per-1000-cases", "appeals-per-1000-cases",
            "complaints-and-appeals-per-1000-cases", "prefilled-share", "status-updated-share");

    public PublicValueIndicator {
        segment = segment == null || segment.all() ? null : segment;
    }

    public PublicValueIndicator(String code, String name, String stakeholder, String dimension, String service,
            String metric, String better, Double baseline, Double target) {
        this(code, name, stakeholder, dimension, service, metric, better, baseline, target, null);
    }

    public boolean higherIsBetter() {
        return !"lower".equals(better);
    }
}
