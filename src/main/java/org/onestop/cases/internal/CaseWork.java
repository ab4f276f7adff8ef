package org.onestop.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.cases.Case;
import org.onestop.cases.CaseClosed;
import org.onestop.cases.CaseStatus;
import org.onestop.cases.CaseStep;
import org.onestop.cases.StepBecameReady;
import org.onestop.cases.StepResult;
import org.onestop.cases.StepState;
import org.onestop.cases.WorkingOnCases;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Service;
import org.onestop.catalog.Step;
import org.onestop.platform.JsonSchemas;
import org.onestop.platform.NotFound;
import org.onestop.platform.Violation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

@Component
class CaseWork implements WorkingOnCases {

    static final int MAX_REASON = 2000;

    private final JdbcCases cases;
    private final Catalog catalog;
    private final Deadlines deadlines;
    private final CaseEvents events;
    private final StepInputs inputs;
    private final Clock clock;

    CaseWork(JdbcCases cases, Catalog catalog, Deadlines deadlines, CaseEvents events, StepInputs inputs, Clock clock) {
        this.cases = cases;
        this.catalog = catalog;
        this.deadlines = deadlines;
        this.events = events;
        this.inputs = inputs;
        this.clock = clock;
    }

    @Override
    @Transactional
    public StepResult start(UUID caseId, String step, String organisation, String actor) {
        return act(load(caseId), step, organisation, StepState.IN_PROGRESS,
                now -> events.log("step-started", caseId, step, organisation, actor, now, Map.of()), null, null);
    }

    @Override
    @Transactional
    public StepResult complete(UUID caseId, String step, JsonNode output, String organisation, String actor) {
        Case current = load(caseId);
        Step definition = stepDefinition(current, step);
        if (definition != null && definition.output() != null) {
            List<Violation> violations = output == null ? List.of(new Violation("output", "must be given"))
                    : JsonSchemas.validate(definition.output(), output, "output");
            if (!violations.isEmpty()) {
                return new StepResult.Invalid(violations);
            }
        }
        return act(current, step, organisation, StepState.COMPLETED, now -> {
            events.log("step-completed", caseId, step, organisation, actor, now, Map.of());
            releaseDependents(caseId, actor, now);
        }, output, null);
    }

    @Override
    @Transactional
    public StepResult reject(UUID caseId, String step, String reason, String organisation, String actor) {
        if (reason == null || reason.isBlank()) {
            return new StepResult.Invalid(List.of(new Violation("reason", "Enter the reason for rejecting the step")));
        }
        if (reason.length() > MAX_REASON) {
            return new StepResult.Invalid(List.of(new Violation("reason",
                    "The reason must be " + MAX_REASON + " characters or fewer")));
        }
        return act(load(caseId), step, organisation, StepState.REJECTED, now -> {
            events.log("step-rejected", caseId, step, organisation, actor, now, Map.of("reason", reason));
            close(caseId, CaseStatus.REJECTED, actor, now);
        }, null, reason);
    }

    @Override
    @Transactional
    public StepResult withdraw(UUID caseId, String actor) {
        Case current = load(caseId);
        if (current.status() != CaseStatus.OPEN) {
            return new StepResult.NotAllowed("The application is " + current.status().name().toLowerCase() + " already");
        }
        close(caseId, CaseStatus.WITHDRAWN, actor, now());
        return new StepResult.Done(load(caseId));
    }

    @Override
    public JsonNode inputFor(UUID caseId, String step) {
        Case current = load(caseId);
        CaseStep caseStep = current.step(step).orElseThrow(() -> new NotFound("No step '" + step + "' in this case"));
        return inputs.inputFor(current, caseStep, stepDefinition(current, step));
    }

    @Override
    @Transactional
    public JsonNode viewInput(UUID caseId, String step, String organisation, String actor) {
        Case current = load(caseId);
        CaseStep caseStep = current.step(step).filter(s -> s.organisation().equals(organisation))
                .orElseThrow(() -> new NotFound("No step '" + step + "' of this case for " + organisation));
        JsonNode input = inputs.inputFor(current, caseStep, stepDefinition(current, step));
        List<String> fields = new java.util.ArrayList<>();
        input.path("form").properties().forEach(field -> fields.add(field.getKey()));
        Map<String, Object> attributes = new java.util.LinkedHashMap<>(Map.of("fields", fields));
        inputs.agreementFor(current, caseStep).ifPresent(a -> {
            attributes.put("agreement", a.code());
            if (a.legalBasis() != null) {
                attributes.put("legalBasis", a.legalBasis());
            }
        });
        events.log("data-viewed", caseId, step, organisation, actor, now(), attributes);
        return input;
    }

    /** What follows a step's move, in the same transaction. */
    @FunctionalInterface
    private interface Consequence {
        void follow(Instant now);
    }

    private StepResult act(Case current, String step, String organisation, StepState to, Consequence consequence,
            JsonNode output, String reason) {
        UUID caseId = current.id();
        if (current.status() != CaseStatus.OPEN) {
            return new StepResult.NotAllowed("The case is " + current.status().name().toLowerCase());
        }
        CaseStep caseStep = current.step(step).orElse(null);
        if (caseStep == null) {
            return new StepResult.NotAllowed("The case has no step '" + step + "'");
        }
        if (!caseStep.organisation().equals(organisation)) {
            return new StepResult.NotAllowed("Step '" + step + "' is handled by another organisation");
        }
        if (!caseStep.state().canBecome(to)) {
            return new StepResult.NotAllowed("Step '" + step + "' is " + caseStep.state().name().toLowerCase().replace('_', ' ')
                    + " and cannot become " + to.name().toLowerCase().replace('_', ' '));
        }
        Instant now = now();
        if (!cases.moveStep(caseId, step, caseStep.state(), to, now, null, output, reason)) {
            return new StepResult.NotAllowed("Step '" + step + "' was changed by someone else; look again");
        }
        consequence.follow(now);
        return new StepResult.Done(load(caseId));
    }

    private void releaseDependents(UUID caseId, String actor, Instant now) {
        Case current = load(caseId);
        Service service = catalog.find(current.serviceId()).orElseThrow();
        for (CaseStep waiting : current.steps()) {
            boolean dependenciesDone = waiting.dependsOn().stream()
                    .allMatch(d -> current.step(d).map(s -> s.state() == StepState.COMPLETED).orElse(false));
            if (waiting.state() == StepState.WAITING && dependenciesDone) {
                Step definition = service.definition().step(waiting.code()).orElseThrow();
                Instant deadline = deadlines.deadline(service.code(), definition, waiting.organisation(), now);
                if (cases.moveStep(caseId, waiting.code(), StepState.WAITING, StepState.READY, now, deadline, null, null)) {
                    events.log("step-ready", caseId, waiting.code(), waiting.organisation(), actor, now,
                            deadline == null ? Map.of() : Map.of("deadline", deadline.toString()));
                    events.publish(new StepBecameReady(caseId, waiting.code(), waiting.organisation(), deadline));
                }
            }
        }
        if (current.steps().stream().allMatch(s -> s.state() == StepState.COMPLETED)) {
            close(caseId, CaseStatus.COMPLETED, actor, now);
        }
    }

    private void close(UUID caseId, CaseStatus status, String actor, Instant now) {
        if (cases.closeCase(caseId, status, now)) {
            events.log("case-" + status.name().toLowerCase(), caseId, null, null, actor, now, Map.of());
            events.publish(new CaseClosed(caseId, status));
        }
    }

    private Step stepDefinition(Case current, String step) {
        return catalog.find(current.serviceId()).flatMap(s -> s.definition().step(step)).orElse(null);
    }

    private Case load(UUID caseId) {
        return cases.find(caseId).orElseThrow(() -> new NotFound("No case " + caseId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
