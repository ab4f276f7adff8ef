package org.onestop.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * One piece of work within a service, done by one organisation.
 *
 * @param organisation the organisation that always handles the step, or {@code null} when {@code routing} picks it
 * @param output JSON Schema of what the organisation returns
 * @param sla how long the step may take
 */
public record Step(String code, String name, String organisation, Routing routing, List<String> dependsOn,
        StepInput input, JsonNode output, Duration sla) {

    public Step {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        input = input == null ? StepInput.NONE : input;
    }

    /** The organisation that handles this step for an application with the given form. */
    public Optional<String> organisationFor(JsonNode form) {
        return organisation != null ? Optional.of(organisation) : routing == null ? Optional.empty() : routing.organisationFor(form);
    }

    /** Every organisation that may handle this step, whatever the form says. */
    public List<String> possibleOrganisations() {
        if (organisation != null) {
            return List.of(organisation);
        }
        if (routing == null) {
            return List.of();
        }
        var all = new java.util.LinkedHashSet<>(routing.organisations().values());
        if (routing.otherwise() != null) {
            all.add(routing.otherwise());
        }
        return List.copyOf(all);
    }
}
