package org.onestop.portal.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.onestop.cases.Case;
import org.onestop.cases.CaseStep;
import org.springframework.stereotype.Component;

/** A case as the applicant reads it: each step with its organisation, state, dates and deadline. */
@Component
final class CaseViews {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    record StepView(String name, String organisation, String state, String tagClass, boolean overdue, String reason,
            List<String> dates) {
    }

    private final PublishedServices services;
    private final Clock clock;

    CaseViews(PublishedServices services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    List<StepView> steps(Case shown) {
        Instant now = clock.instant();
        List<StepView> views = new ArrayList<>();
        for (CaseStep step : shown.steps()) {
            List<String> dates = new ArrayList<>();
            add(dates, "Started", step.startedAt() != null ? step.startedAt() : step.readyAt());
            add(dates, step.state().ended() ? "Finished" : null, step.endedAt());
            if (!step.state().ended()) {
                add(dates, "Due by", step.deadline());
            }
            views.add(new StepView(step.name(), services.organisationName(step.organisation()), state(step),
                    tag(step), step.overdueAt(now), step.reason(), dates));
        }
        return views;
    }

    String status(Case shown) {
        switch (shown.status()) {
            case COMPLETED:
                return "Completed";
            case REJECTED:
                return "Rejected";
            case WITHDRAWN:
                return "Withdrawn";
            default:
                return "In progress";
        }
    }

    String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(clock.getZone()));
    }

    private void add(List<String> dates, String label, Instant instant) {
        if (label != null && instant != null) {
            dates.add(label + " " + day(instant));
        }
    }

    private static String state(CaseStep step) {
        switch (step.state()) {
            case WAITING:
                return "Cannot start yet";
            case READY:
                return "Not started";
            case IN_PROGRESS:
                return "In progress";
            case COMPLETED:
                return "Completed";
            default:
                return "Rejected";
        }
    }

    private static String tag(CaseStep step) {
        switch (step.state()) {
            case WAITING:
                return "govuk-tag--grey";
            case READY:
                return "govuk-tag--blue";
            case IN_PROGRESS:
                return "govuk-tag--light-blue";
            case COMPLETED:
                return "govuk-tag--green";
            default:
                return "govuk-tag--red";
        }
    }
}
