package org.onestop.portal.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.onestop.cases.ApplicantUpdate;
import org.onestop.cases.Case;
import org.onestop.cases.CaseStatus;
import org.onestop.cases.CaseStep;
import org.onestop.cases.StepState;
import org.springframework.stereotype.Component;

/** A case as the applicant reads it: each step with its organisation, state, dates and deadline. */
@Component
final class CaseViews {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    record StepView(String name, String organisation, String state, String tagClass, boolean overdue, String reason,
            List<String> dates) {
    }

    /** An organisation's request to correct answers: who asks, why, and which answers (empty: every answer it takes). */
    record CorrectionView(String step, String organisation, String reason, List<String> fields) {
    }

    /** A status message from an organisation about its step: when, who, about which step, and what it says. */
    record UpdateView(String when, String organisation, String step, String message) {
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
            if (step.state() == StepState.CORRECTION_REQUESTED && step.correction() != null) {
                add(dates, "Sent back to you", step.correction().askedAt());
            } else if (!step.state().ended()) {
                add(dates, "Due by", step.deadline());
            }
            views.add(new StepView(step.name(), services.organisationName(step.organisation()), state(step),
                    tag(step), step.overdueAt(now), step.reason(), dates));
        }
        return views;
    }

    /** The requests to correct answers that wait on the applicant. */
    List<CorrectionView> corrections(Case shown) {
        if (shown.status() != CaseStatus.OPEN) {
            return List.of();
        }
        var service = services.version(shown.serviceId());
        List<CorrectionView> views = new ArrayList<>();
        for (CaseStep step : shown.steps()) {
            if (step.state() == StepState.CORRECTION_REQUESTED) {
                List<String> fields = step.correction() == null ? List.of() : step.correction().fields().stream()
                        .map(path -> service == null ? path
                                : CorrectionPages.labelOf(FormPages.sections(service.definition().form()), path))
                        .toList();
                views.add(new CorrectionView(step.name(), services.organisationName(step.organisation()), step.reason(), fields));
            }
        }
        return views;
    }

    /** The organisations' updates, in the order they were sent. */
    List<UpdateView> updates(Case shown, List<ApplicantUpdate> updates) {
        return updates.stream().map(u -> new UpdateView(DataUseViews.WHEN.format(u.sentAt().atZone(clock.getZone())),
                services.organisationName(u.organisation()),
                shown.step(u.step()).map(CaseStep::name).orElse(u.step()), u.message())).toList();
    }

    String status(Case shown) {
        if (shown.status() == CaseStatus.OPEN && shown.steps().stream().anyMatch(s -> s.state() == StepState.CORRECTION_REQUESTED)) {
            return "Action needed: correct your answers";
        }
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
            case CORRECTION_REQUESTED:
                return "Waiting for your correction";
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
            case CORRECTION_REQUESTED:
                return "govuk-tag--orange";
            case COMPLETED:
                return "govuk-tag--green";
            default:
                return "govuk-tag--red";
        }
    }
}
