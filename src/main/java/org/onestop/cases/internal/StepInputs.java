package org.onestop.cases.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.onestop.cases.Case;
import org.onestop.cases.CaseStep;
import org.onestop.catalog.FormFields;
import org.onestop.catalog.Step;
import org.onestop.intake.Applications;
import org.onestop.network.Agreement;
import org.onestop.network.Agreements;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Data minimisation: a step's organisation sees the form fields that the step takes and its
 * agreement allows, and the outputs of earlier steps the step names; nothing else.
 */
@Component
class StepInputs {

    private final Applications applications;
    private final Agreements agreements;

    StepInputs(Applications applications, Agreements agreements) {
        this.applications = applications;
        this.agreements = agreements;
    }

    JsonNode inputFor(Case current, CaseStep caseStep, Step definition) {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        ObjectNode form = input.putObject("form");
        ObjectNode outputs = input.putObject("outputs");
        if (definition == null) {
            return input;
        }
        JsonNode answers = applications.find(current.id()).orElseThrow().form();
        List<String> allowed = agreementFor(current, caseStep).map(Agreement::fields).orElse(List.of());
        for (String field : definition.input().form()) {
            if (allowed.stream().anyMatch(a -> field.equals(a) || field.startsWith(a + "."))) {
                JsonNode value = FormFields.valueAt(answers, field);
                if (value != null) {
                    put(form, field, value);
                }
            }
        }
        for (String reference : definition.input().outputs()) {
            int dot = reference.indexOf('.');
            String step = reference.substring(0, dot);
            String field = reference.substring(dot + 1);
            current.step(step).map(CaseStep::output).map(o -> FormFields.valueAt(o, field))
                    .ifPresent(value -> {
                        JsonNode existing = outputs.get(step);
                        (existing instanceof ObjectNode node ? node : outputs.putObject(step)).set(field, value);
                    });
        }
        return input;
    }

    /** The application's answers as they stand. */
    JsonNode answers(java.util.UUID caseId) {
        return applications.find(caseId).orElseThrow().form();
    }

    /** The agreement under which the step's organisation receives the case's data. */
    Optional<Agreement> agreementFor(Case current, CaseStep caseStep) {
        return agreements.forService(current.serviceCode()).stream()
                .filter(a -> a.organisation().equals(caseStep.organisation()) && a.covers(current.serviceCode(), caseStep.code())
                        && a.validOn(LocalDate.ofInstant(current.openedAt(), ZoneOffset.UTC)))
                .findFirst();
    }

    private static void put(ObjectNode target, String path, JsonNode value) {
        String[] names = path.split("\\.");
        ObjectNode node = target;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = node.get(names[i]);
            node = child instanceof ObjectNode existing ? existing : node.putObject(names[i]);
        }
        node.set(names[names.length - 1], value.deepCopy());
    }
}
