package org.onestop.insight;

import java.time.LocalDate;
import java.util.List;

/**
 * The measures of the network, from the roll-ups of the event log. Periods are whole days (UTC),
 * {@code from} and {@code to} included.
 */
public interface Performance {

    /** Service KPIs per period and channel, plus one row per period for all channels together. */
    List<ServiceKpis> kpis(String service, LocalDate from, LocalDate to, Granularity granularity);

    /**
     * The same for one segment of the applicants (a channel, a kind of principal, applying alone or
     * through an intermediary). A segment by principal or representation has no cost: steps are
     * costed per channel.
     */
    List<ServiceKpis> kpis(String service, LocalDate from, LocalDate to, Granularity granularity, Segment segment);

    /** Process metrics per step and organisation, over the cases that ended in the period. */
    List<StepMetrics> steps(String service, LocalDate from, LocalDate to);

    CaseMetrics cases(String service, LocalDate from, LocalDate to);

    /** The waiting time of the service's cases per organisation, largest first. */
    List<OrganisationWaiting> waiting(String service, LocalDate from, LocalDate to);

    /** The same, from step metrics already read. */
    List<OrganisationWaiting> waiting(List<StepMetrics> steps);

    /** Who waits on whom: one edge per pair of steps, weighted by hand-offs and waiting time. */
    List<Dependency> dependencies(String service, LocalDate from, LocalDate to);

    /** Reads the event log up to now, so that the measures include every event written so far. */
    long refresh();
}
