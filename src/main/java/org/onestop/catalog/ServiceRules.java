package org.onestop.catalog;

import static org.onestop.platform.JsonPaths.join;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.onestop.platform.JsonSchemas;
import org.onestop.platform.Violation;

/**
 * The rules a service definition must meet before it is stored: steps with unique codes, each
 * handled by a known organisation that an agreement in force covers, dependencies that exist and
 * form no cycle, inputs the form or an earlier step provides, and valid schemas.
 */
public final class ServiceRules {

    private final NetworkView network;
    private final LocalDate today;

    public ServiceRules(NetworkView network, LocalDate today) {
        this.network = network;
        this.today = today;
    }

    /** Every violation of the rules, with paths under {@code at} (e.g. {@code services[0]}). */
    public List<Violation> check(ServiceDefinition service, String at) {
        List<Violation> violations = new ArrayList<>();
        if (service.form() == null || !service.form().isObject()) {
            violations.add(new Violation(join(at, "form"), "must be a JSON Schema object"));
        } else {
            violations.addAll(JsonSchemas.checkSchema(service.form(), join(at, "form")));
        }
        Map<String, Step> steps = new LinkedHashMap<>();
        for (int i = 0; i < service.steps().size(); i++) {
            Step step = service.steps().get(i);
            if (steps.putIfAbsent(step.code(), step) != null) {
                violations.add(new Violation(join(at, "steps[" + i + "].code"), "duplicate step code '" + step.code() + "'"));
            }
        }
        for (int i = 0; i < service.steps().size(); i++) {
            checkStep(service, service.steps().get(i), join(at, "steps[" + i + "]"), steps, violations);
        }
        findCycle(steps).ifPresent(cycle -> violations.add(new Violation(join(at, "steps"),
                "dependency cycle: " + String.join(" -> ", cycle))));
        return violations;
    }

    private void checkStep(ServiceDefinition service, Step step, String at, Map<String, Step> steps,
            List<Violation> violations) {
        if ((step.organisation() == null) == (step.routing() == null)) {
            violations.add(new Violation(at, "must name either an organisation or a routing rule"));
        }
        if (step.routing() != null && service.form() != null
                && FormFields.schemaAt(service.form(), step.routing().field()) == null) {
            violations.add(new Violation(join(at, "routing.field"), "the form has no field '" + step.routing().field() + "'"));
        }
        for (String organisation : step.possibleOrganisations()) {
            String where = join(at, step.organisation() != null ? "organisation" : "routing.organisations");
            if (network.organisation(organisation).isEmpty()) {
                violations.add(new Violation(where, "unknown organisation '" + organisation + "'"));
            } else if (network.agreementsFor(service.code()).stream()
                    .noneMatch(a -> a.organisation().equals(organisation) && a.covers(service.code(), step.code())
                            && a.validOn(today))) {
                violations.add(new Violation(where, "no agreement in force covers step '" + step.code()
                        + "' for organisation '" + organisation + "'"));
            }
        }
        for (String dependency : step.dependsOn()) {
            if (!steps.containsKey(dependency)) {
                violations.add(new Violation(join(at, "dependsOn"), "unknown step '" + dependency + "'"));
            }
        }
        for (String field : step.input().form()) {
            if (service.form() != null && FormFields.schemaAt(service.form(), field) == null) {
                violations.add(new Violation(join(at, "input.form"), "the form has no field '" + field + "'"));
            }
        }
        Set<String> upstream = upstreamOf(step, steps);
        for (String output : step.input().outputs()) {
            checkOutputInput(output, upstream, steps, join(at, "input.outputs"), violations);
        }
        if (step.output() != null) {
            violations.addAll(JsonSchemas.checkSchema(step.output(), join(at, "output")));
        }
        if (step.sla() != null && (step.sla().isNegative() || step.sla().isZero())) {
            violations.add(new Violation(join(at, "sla"), "must be a positive duration"));
        }
    }

    private static void checkOutputInput(String output, Set<String> upstream, Map<String, Step> steps, String at,
            List<Violation> violations) {
        int dot = output.indexOf('.');
        if (dot <= 0 || dot == output.length() - 1) {
            violations.add(new Violation(at, "'" + output + "' must be written step-code.field"));
            return;
        }
        String stepCode = output.substring(0, dot);
        String field = output.substring(dot + 1);
        Step source = steps.get(stepCode);
        if (source == null) {
            violations.add(new Violation(at, "unknown step '" + stepCode + "'"));
        } else if (!upstream.contains(stepCode)) {
            violations.add(new Violation(at, "step '" + stepCode + "' is not one this step depends on"));
        } else if (source.output() == null || FormFields.schemaAt(source.output(), field) == null) {
            violations.add(new Violation(at, "step '" + stepCode + "' does not output '" + field + "'"));
        }
    }

    /** The steps this one depends on, directly or through others. */
    private static Set<String> upstreamOf(Step step, Map<String, Step> steps) {
        Set<String> seen = new HashSet<>();
        List<String> pending = new ArrayList<>(step.dependsOn());
        while (!pending.isEmpty()) {
            String code = pending.remove(pending.size() - 1);
            if (seen.add(code) && steps.containsKey(code)) {
                pending.addAll(steps.get(code).dependsOn());
            }
        }
        return seen;
    }

    private static java.util.Optional<List<String>> findCycle(Map<String, Step> steps) {
        Map<String, Integer> state = new HashMap<>();
        for (String start : steps.keySet()) {
            List<String> path = new ArrayList<>();
            var cycle = visit(start, steps, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<List<String>> visit(String code, Map<String, Step> steps, Map<String, Integer> state,
            List<String> path) {
        Integer seen = state.get(code);
        if (seen != null && seen == 2 || !steps.containsKey(code)) {
            return java.util.Optional.empty();
        }
        path.add(code);
        if (seen != null) {
            return java.util.Optional.of(List.copyOf(path.subList(path.indexOf(code), path.size())));
        }
        state.put(code, 1);
        for (String next : steps.get(code).dependsOn()) {
            var cycle = visit(next, steps, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        state.put(code, 2);
        path.remove(path.size() - 1);
        return java.util.Optional.empty();
    }
}
