package org.onestop.cases.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.onestop.cases.CaseStep;
import org.onestop.cases.StepBecameReady;
import org.onestop.cases.StepState;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Service;
import org.onestop.catalog.Step;
import org.onestop.intake.Application;
import org.onestop.intake.ApplicationSubmitted;
import org.onestop.intake.Applications;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens the case of a submitted application in the same transaction that stores it, so that no
 * accepted application is ever without its case: steps without dependencies are ready at once.
 */
@Component
class CaseOpening {

    private final Applications applications;
    private final Catalog catalog;
    private final JdbcCases cases;
    private final Deadlines deadlines;
    private final CaseEvents events;

    CaseOpening(Applications applications, Catalog catalog, JdbcCases cases, Deadlines deadlines, CaseEvents events) {
        this.applications = applications;
        this.catalog = catalog;
        this.cases = cases;
        this.deadlines = deadlines;
        this.events = events;
    }

    @EventListener
    void on(ApplicationSubmitted submitted) {
        Application application = applications.find(submitted.applicationId()).orElseThrow();
        Service service = catalog.find(submitted.serviceId()).orElseThrow();
        Instant now = submitted.submittedAt();
        cases.insertCase(application.id(), application.reference(), service.id(), service.code(), now);
        events.log("case-opened", application.id(), null, null, submitted.actor(), now,
                Map.of("service", service.code(), "steps", service.definition().steps().size()));
        List<Step> steps = service.definition().steps();
        for (int position = 0; position < steps.size(); position++) {
            Step step = steps.get(position);
            String organisation = step.organisationFor(application.form()).orElseThrow();
            boolean ready = step.dependsOn().isEmpty();
            Instant deadline = ready ? deadlines.deadline(service.code(), step, organisation, now) : null;
            cases.insertStep(application.id(), position, new CaseStep(step.code(), step.name(), organisation,
                    ready ? StepState.READY : StepState.WAITING, step.dependsOn(), ready ? now : null, null, null,
                    deadline, null, null));
            if (ready) {
                events.log("step-ready", application.id(), step.code(), organisation, submitted.actor(), now,
                        deadline == null ? Map.of() : Map.of("deadline", deadline.toString()));
                events.publish(new StepBecameReady(application.id(), step.code(), organisation, deadline));
            }
        }
    }
}
