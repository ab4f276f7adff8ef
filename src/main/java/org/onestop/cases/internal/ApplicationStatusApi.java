package org.onestop.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.access.CurrentCaller;
import org.onestop.cases.Case;
import org.onestop.cases.CaseStep;
import org.onestop.cases.Cases;
import org.onestop.cases.StepResult;
import org.onestop.cases.WorkingOnCases;
import org.onestop.intake.Application;
import org.onestop.intake.Applications;
import org.onestop.mandates.MandateDecision;
import org.onestop.mandates.Mandates;
import org.onestop.platform.InvalidInput;
import org.onestop.platform.NotFound;
import org.onestop.platform.Problem;
import org.onestop.platform.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * Where an application stands, for the member that submitted it and for staff; and the answers
 * corrected through the API, by the member that submitted them, when an organisation asked.
 */
@RestController
@Tag(name = "Intake")
class ApplicationStatusApi {

    private final Applications applications;
    private final Cases cases;
    private final WorkingOnCases working;
    private final Mandates mandates;
    private final Clock clock;

    ApplicationStatusApi(Applications applications, Cases cases, WorkingOnCases working, Mandates mandates, Clock clock) {
        this.applications = applications;
        this.cases = cases;
        this.working = working;
        this.mandates = mandates;
        this.clock = clock;
    }

    @PostMapping(value = "/api/v1/applications/{id}/correction", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send the corrected answers an organisation asked for: the whole form, changed only in the fields asked")
    Map<String, Object> correct(@PathVariable UUID id, @RequestBody JsonNode body) {
        String member = CurrentCaller.memberOrganisation().orElse(null);
        // only the member that submitted may correct; to anyone else the application does not exist
        Application application = applications.find(id).filter(found -> member != null && member.equals(found.agent()))
                .orElseThrow(() -> new NotFound("No application " + id));
        JsonNode form = body == null ? null : body.get("form");
        if (form == null || !form.isObject()) {
            throw new InvalidInput("Invalid correction", List.of(new Violation("form", "must be the whole corrected form, an object")));
        }
        if (application.principal() != null) { // as at submission: the member acts under the principal's mandate
            MandateDecision decision = mandates.check(member, application.principal().id(), application.serviceCode(),
                    LocalDate.now(clock));
            if (!decision.allowed()) {
                throw Problem.of(HttpStatus.FORBIDDEN, "no-mandate", decision.refusal().name().toLowerCase().replace('_', '-'),
                        "No mandate", "You may no longer act for this principal: " + decision.refusal().reason() + ".");
            }
        }
        StepResult result = working.correct(id, form, member);
        if (result instanceof StepResult.Invalid invalid) {
            throw new InvalidInput("The correction is not valid", invalid.violations());
        }
        if (result instanceof StepResult.NotAllowed refused) {
            throw Problem.of(HttpStatus.CONFLICT, "correction-not-asked", "Nothing to correct", refused.why() + ".");
        }
        return status(id);
    }

    @GetMapping("/api/v1/applications/{id}")
    @Operation(summary = "The status of an application and of each of its steps")
    Map<String, Object> status(@PathVariable UUID id) {
        Application application = applications.find(id).filter(ApplicationStatusApi::visibleToCaller)
                .orElseThrow(() -> new NotFound("No application " + id));
        Case current = cases.find(id).orElseThrow(() -> new NotFound("No application " + id));
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", application.id());
        body.put("reference", application.reference());
        body.put("service", application.serviceCode());
        body.put("serviceVersion", application.serviceVersion());
        body.put("channel", application.channel());
        body.put("submittedAt", application.submittedAt().toString());
        body.put("status", current.status());
        if (current.closedAt() != null) {
            body.put("closedAt", current.closedAt().toString());
        }
        body.put("steps", current.steps().stream().map(step -> stepBody(step, now)).toList());
        return body;
    }

    private static Map<String, Object> stepBody(CaseStep step, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", step.code());
        body.put("name", step.name());
        body.put("organisation", step.organisation());
        body.put("state", step.state());
        put(body, "readyAt", step.readyAt());
        put(body, "startedAt", step.startedAt());
        put(body, "endedAt", step.endedAt());
        put(body, "deadline", step.deadline());
        body.put("overdue", step.overdueAt(now));
        if (step.reason() != null) {
            body.put("reason", step.reason());
        }
        body.put("round", step.round());
        if (step.correction() != null) {
            Map<String, Object> correction = new LinkedHashMap<>();
            correction.put("fields", step.correction().fields());
            put(correction, "askedAt", step.correction().askedAt());
            body.put("correction", correction);
        }
        body.put("dependsOn", List.copyOf(step.dependsOn()));
        return body;
    }

    private static void put(Map<String, Object> body, String name, Instant value) {
        if (value != null) {
            body.put(name, value.toString());
        }
    }

    /** Staff see every application; a member only those it submitted. Others are told it does not exist. */
    private static boolean visibleToCaller(Application application) {
        return CurrentCaller.staffMember().isPresent()
                || CurrentCaller.memberOrganisation().map(m -> m.equals(application.agent())).orElse(false);
    }
}
