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
 */
public record PublicValueIndicator(String code, String name, String stakeholder, String dimension, String service,
        String metric, String better, Double baseline, Double target) {

    /** The measures an indicator can be bound to. */
    public static final Set<String> METRICS = Set.of("completion-rate", "digital-takeup", "cost-per-transaction",
            "user-satisfaction", "case-lead-time-days", "first-time-right", "overdue-share", "handoffs-per-case",
            "withdrawn-share", "rejected-share", "paper-share");

    public boolean higherIsBetter() {
        return !"lower".equals(better);
    }
}
