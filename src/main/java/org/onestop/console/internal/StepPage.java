package org.onestop.console.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.access.StaffMember;
import org.onestop.cases.Case;
import org.onestop.cases.CaseStatus;
import org.onestop.cases.CaseStep;
import org.onestop.cases.Cases;
import org.onestop.cases.StepResult;
import org.onestop.cases.StepState;
import org.onestop.cases.UpdatingApplicants;
import org.onestop.cases.WorkingOnCases;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.FormFields;
import org.onestop.catalog.ServiceDefinition;
import org.onestop.catalog.Step;
import org.onestop.platform.NotFound;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import tools.jackson.databind.JsonNode;

/**
 * Builds the page of one step for the operator whose organisation handles it: what the step is,
 * the data it may see (every display is a recorded view), and the actions its state allows.
 */
@Component
final class StepPage {

    private final Cases cases;
    private final WorkingOnCases work;
    private final Catalog catalog;
    private final UpdatingApplicants updates;
    private final Clock clock;

    StepPage(Cases cases, WorkingOnCases work, Catalog catalog, UpdatingApplicants updates, Clock clock) {
        this.cases = cases;
        this.work = work;
        this.catalog = catalog;
        this.updates = updates;
        this.clock = clock;
    }

    static UUID caseId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFound("No case " + text);
        }
    }

    /** The case, if the step is the operator's organisation's; otherwise not found, as if it did not exist. */
    Case ownStep(UUID caseId, String step, StaffMember operator) {
        Case found = cases.find(caseId).orElseThrow(() -> new NotFound("No case " + caseId));
        found.step(step).filter(s -> s.organisation().equals(operator.organisation()))
                .orElseThrow(() -> new NotFound("No step " + step + " of case " + caseId + " for " + operator.organisation()));
        return found;
    }

    OutputForm outputForm(UUID caseId, String step, StaffMember operator) {
        Case found = ownStep(caseId, step, operator);
        return OutputForm.of(definition(found).step(step).map(Step::output).orElse(null));
    }

    String show(UUID caseId, String stepCode, StaffMember operator, Model model) {
        Case found = ownStep(caseId, stepCode, operator);
        CaseStep step = found.step(stepCode).orElseThrow();
        ServiceDefinition service = definition(found);
        JsonNode input = work.viewInput(caseId, stepCode, operator.organisation(), operator.username());
        boolean open = found.status() == CaseStatus.OPEN;
        model.addAttribute("theCase", found);
        model.addAttribute("step", step);
        model.addAttribute("serviceName", service.name());
        model.addAttribute("overdue", step.overdueAt(clock.instant()));
        model.addAttribute("formRows", InputSummary.form(input, service));
        model.addAttribute("outputRows", InputSummary.outputs(input, service));
        model.addAttribute("outputRowsOfStep", InputSummary.outputs(outputOf(step), service));
        model.addAttribute("fields", OutputForm.of(service.step(stepCode).map(Step::output).orElse(null)).fields());
        model.addAttribute("canStart", open && step.state() == StepState.READY);
        model.addAttribute("canFinish", open && (step.state() == StepState.READY || step.state() == StepState.IN_PROGRESS));
        model.addAttribute("base", "/console/inbox/" + caseId + "/" + stepCode);
        // the updates this organisation sent the applicant about this step, and the form for another
        model.addAttribute("updates", updates.of(caseId).stream()
                .filter(u -> u.step().equals(stepCode) && u.organisation().equals(operator.organisation())).toList());
        model.addAttribute("canUpdate", open && (step.state() == StepState.READY || step.state() == StepState.IN_PROGRESS));
        model.addAttribute("maxMessage", UpdatingApplicants.MAX_MESSAGE);
        if (!model.containsAttribute("message")) {
            model.addAttribute("message", "");
        }
        model.addAttribute("correctable", service.step(stepCode).map(d -> d.input().form()).orElse(List.of()).stream()
                .map(path -> new Choice(path, label(service.form(), path))).toList());
        if (!model.containsAttribute("chosenFields")) {
            model.addAttribute("chosenFields", List.of());
        }
        if (!model.containsAttribute("decision")) {
            model.addAttribute("decision", "");
        }
        if (!model.containsAttribute("answers")) {
            model.addAttribute("answers", Map.of());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "console/inbox/step";
    }

    /** A form field an operator may ask the applicant to correct, with its label. */
    record Choice(String path, String label) {
    }

    /** "About the business › Business name", from the titles along the path. */
    private static String label(JsonNode form, String path) {
        StringBuilder label = new StringBuilder();
        String[] names = path.split("\\.");
        for (int i = 0; i < names.length; i++) {
            String at = String.join(".", java.util.Arrays.copyOf(names, i + 1));
            label.append(label.length() == 0 ? "" : " › ").append(Labels.of(FormFields.schemaAt(form, at), names[i]));
        }
        return label.toString();
    }

    /** An action the case's state or rules did not allow, shown in the error summary. */
    void refused(StepResult result, Model model) {
        if (result instanceof StepResult.NotAllowed notAllowed) {
            model.addAttribute("problems", List.of(notAllowed.why()));
        }
    }

    private static JsonNode outputOf(CaseStep step) {
        var node = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (step.output() != null && step.output().isObject()) {
            node.putObject("outputs").set(step.code(), step.output());
        }
        return node;
    }

    private ServiceDefinition definition(Case found) {
        return catalog.find(found.serviceId()).orElseThrow(() -> new NotFound("No service of case " + found.id()))
                .definition();
    }
}
