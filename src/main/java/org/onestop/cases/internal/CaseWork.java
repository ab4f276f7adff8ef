package org.onestop.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.onestop.catalog.FormFields;
import org.onestop.catalog.Service;
import org.onestop.catalog.Step;
import org.onestop.intake.CorrectingApplications;
import org.onestop.platform.JsonSchemas;
import org.onestop.platform.NotFound;
import org.onestop.platform.Violation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

@Component
class CaseWork implements WorkingOnCases {

    static final int MAX_REASON = 2000;
    static final int MAX_FIELDS = 50;
    static final int MAX_FIELD_LENGTH = 200;

    private final JdbcCases cases;
    private final Catalog catalog;
    private final Deadlines deadlines;
    private final CaseEvents events;
    private final StepInputs inputs;
    private final CorrectingApplications corrections;
    private final Clock clock;

    CaseWork(JdbcCases cases, Catalog catalog, Deadlines deadlines, CaseEvents events, StepInputs inputs,
            CorrectingApplications corrections, Clock clock) {
        this.corrections = corrections;
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
        List<Violation> invalid = reasonViolations(reason);
        if (!invalid.isEmpty()) {
            return new StepResult.Invalid(invalid);
        }
        return act(load(caseId), step, organisation, StepState.REJECTED, now -> {
            events.log("step-rejected", caseId, step, organisation, actor, now, Map.of("reason", reason, "final", true));
            close(caseId, CaseStatus.REJECTED, actor, now);
        }, null, reason);
    }

    @Override
    @Transactional
    public StepResult askForCorrection(UUID caseId, String step, String reason, List<String> fields, String organisation,
            String actor) {
        List<Violation> invalid = new ArrayList<>(reasonViolations(reason));
        Case current = load(caseId);
        Step definition = stepDefinition(current, step);
        List<String> asked = fields == null ? List.of() : fields.stream().distinct().sorted().toList();
        JsonNode formSchema = catalog.find(current.serviceId()).map(service -> service.definition().form()).orElse(null);
        invalid.addAll(fieldViolations(asked, definition, formSchema));
        if (!invalid.isEmpty()) {
            return new StepResult.Invalid(invalid);
        }
        // the same event as a final rejection, marked not final: insight counts a step rejected and later
        // completed as rework, whether it was rejected live or in a generated history
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("reason", reason);
        attributes.put("final", false);
        attributes.put("fields", asked);
        return act(current, step, organisation, StepState.CORRECTION_REQUESTED,
                now -> {
                    cases.correctionFields(caseId, step, asked);
                    events.log("step-rejected", caseId, step, organisation, actor, now, attributes);
                }, null, reason);
    }

    @Override
    public List<String> correctableFields(UUID caseId) {
        return correctable(load(caseId));
    }

    @Override
    @Transactional
    public StepResult correct(UUID caseId, JsonNode form, String actor) {
        Case current = load(caseId);
        if (current.status() != CaseStatus.OPEN) {
            return new StepResult.NotAllowed("The case is " + current.status().name().toLowerCase());
        }
        List<CaseStep> waiting = current.steps().stream().filter(s -> s.state() == StepState.CORRECTION_REQUESTED).toList();
        if (waiting.isEmpty()) {
            return new StepResult.NotAllowed("No organisation has asked to correct this application");
        }
        List<String> allowed = correctable(current);
        JsonNode earlier = inputs.answers(caseId);
        List<String> changed = new ArrayList<>();
        AnswerChanges.collect(earlier, form, "", changed);
        List<Violation> outside = changed.stream().filter(path -> !AnswerChanges.within(path, allowed))
                .map(path -> new Violation("form." + path, "was not asked to be corrected")).toList();
        if (!outside.isEmpty()) {
            return new StepResult.Invalid(outside);
        }
        List<Violation> violations = corrections.correct(caseId, form, changed, actor);
        if (!violations.isEmpty()) {
            return new StepResult.Invalid(violations);
        }
        Instant now = now();
        Service service = catalog.find(current.serviceId()).orElseThrow();
        Map<String, String> handlers = reroute(current, service, form, actor, now);
        for (CaseStep step : waiting) {
            Step definition = service.definition().step(step.code()).orElseThrow();
            String organisation = handlers.get(step.code());
            // the organisation gets its full time again: the step waited on the applicant meanwhile
            Instant deadline = deadlines.deadline(service.code(), definition, organisation, now);
            int round = step.round() + 1;
            if (cases.readyAgain(caseId, step.code(), round, now, deadline)) {
                Map<String, Object> attributes = new LinkedHashMap<>();
                if (deadline != null) {
                    attributes.put("deadline", deadline.toString());
                }
                attributes.put("round", round);
                events.log("step-ready", caseId, step.code(), organisation, actor, now, attributes);
                events.publish(new StepBecameReady(caseId, step.code(), organisation, deadline, round));
            }
        }
        return new StepResult.Done(load(caseId));
    }

    /**
     * Routes again, by the corrected answers, the steps no organisation holds now (those waiting
     * for earlier steps or for this correction): a corrected address may make another municipality
     * competent. Returns each step's organisation after it.
     */
    private Map<String, String> reroute(Case current, Service service, JsonNode form, String actor, Instant now) {
        Map<String, String> handlers = new LinkedHashMap<>();
        for (CaseStep step : current.steps()) {
            handlers.put(step.code(), step.organisation());
            if (step.state() != StepState.WAITING && step.state() != StepState.CORRECTION_REQUESTED) {
                continue;
            }
            String routed = service.definition().step(step.code()).flatMap(definition -> definition.organisationFor(form))
                    .orElse(step.organisation());
            if (!routed.equals(step.organisation()) && cases.reroute(current.id(), step.code(), routed)) {
                handlers.put(step.code(), routed);
                events.log("step-rerouted", current.id(), step.code(), routed, actor, now,
                        Map.of("from", step.organisation()));
            }
        }
        return handlers;
    }

    /** The fields the steps waiting for a correction asked for; a step that named none opens every field it takes. */
    private List<String> correctable(Case current) {
        Service service = catalog.find(current.serviceId()).orElse(null);
        java.util.Set<String> fields = new java.util.TreeSet<>();
        for (CaseStep step : current.steps()) {
            if (step.state() != StepState.CORRECTION_REQUESTED || step.correction() == null) {
                continue;
            }
            if (!step.correction().fields().isEmpty()) {
                fields.addAll(step.correction().fields());
            } else if (service != null) {
                service.definition().step(step.code()).ifPresent(d -> fields.addAll(d.input().form()));
            }
        }
        return List.copyOf(fields);
    }

    private static List<Violation> reasonViolations(String reason) {
        if (reason == null || reason.isBlank()) {
            return List.of(new Violation("reason", "Enter the reason for rejecting the step"));
        }
        if (reason.length() > MAX_REASON) {
            return List.of(new Violation("reason", "The reason must be " + MAX_REASON + " characters or fewer"));
        }
        return List.of();
    }

    /** Each field asked must be one the step takes, or lie within one: an organisation asks only about what it saw. */
    private static List<Violation> fieldViolations(List<String> fields, Step definition, JsonNode formSchema) {
        if (fields.size() > MAX_FIELDS) {
            return List.of(new Violation("fields", "Name at most " + MAX_FIELDS + " fields"));
        }
        List<String> taken = definition == null ? List.of() : definition.input().form();
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (field == null || field.length() > MAX_FIELD_LENGTH || !AnswerChanges.within(field, taken)
                    || formSchema == null || FormFields.schemaAt(formSchema, field) == null) {
                violations.add(new Violation("fields[" + i + "]",
                        "must be one of the form fields the step takes: " + String.join(", ", taken)));
            }
        }
        return violations;
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
        return inputFor(load(caseId), step);
    }

    @Override
    public JsonNode inputFor(Case current, String step) {
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
                    events.publish(new StepBecameReady(caseId, waiting.code(), waiting.organisation(), deadline, waiting.round()));
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
