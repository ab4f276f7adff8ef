package org.onestop.cases.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.cases.CaseStep;
import org.onestop.cases.StepBecameReady;
import org.onestop.cases.StepState;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Service;
import org.onestop.catalog.Step;
import org.onestop.intake.ApplicationSubmitted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Opens the case of a submitted application in the same transaction that stores it, so that no
 * accepted application is ever without its case: steps without dependencies are ready at once.
 */
@Component
class CaseOpening {

    private final Catalog catalog;
    private final JdbcCases cases;
    private final Deadlines deadlines;
    private final CaseEvents events;

    CaseOpening(Catalog catalog, JdbcCases cases, Deadlines deadlines, CaseEvents events) {
        this.catalog = catalog;
        this.cases = cases;
        this.deadlines = deadlines;
        this.events = events;
    }

    @EventListener
    void on(ApplicationSubmitted submitted) {
        Service service = catalog.find(submitted.serviceId()).orElseThrow();
        UUID caseId = submitted.applicationId();
        Instant now = submitted.submittedAt();
        cases.insertCase(caseId, submitted.reference(), service.id(), service.code(), now);
        events.log("case-opened", caseId, null, null, submitted.actor(), now,
                Map.of("service", service.code(), "steps", service.definition().steps().size()));
        List<CaseStep> opened = new ArrayList<>();
        for (Step step : service.definition().steps()) {
            String organisation = step.organisationFor(submitted.form()).orElseThrow();
            boolean ready = step.dependsOn().isEmpty();
            Instant deadline = ready ? deadlines.deadline(service.code(), step, organisation, now) : null;
            opened.add(new CaseStep(step.code(), step.name(), organisation, ready ? StepState.READY : StepState.WAITING,
                    step.dependsOn(), ready ? now : null, null, null, deadline, null, null, 1, null));
        }
        cases.insertSteps(caseId, opened);
        for (CaseStep step : opened) {
            if (step.state() == StepState.READY) {
                events.log("step-ready", caseId, step.code(), step.organisation(), submitted.actor(), now,
                        step.deadline() == null ? Map.of() : Map.of("deadline", step.deadline().toString()));
                events.publish(new StepBecameReady(caseId, step.code(), step.organisation(), step.deadline(), 1));
            }
        }
    }
}
