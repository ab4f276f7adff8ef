package org.onestop.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/** What a service is, as its owner declares it: the form and the steps. */
public record ServiceDefinition(String code, String name, String description, ServiceStatus status, JsonNode form,
        List<Step> steps) {

    public ServiceDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        status = status == null ? ServiceStatus.DRAFT : status;
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public Optional<Step> step(String stepCode) {
        return steps.stream().filter(s -> s.code().equals(stepCode)).findFirst();
    }

    /** The same content with another status. */
    public ServiceDefinition withStatus(ServiceStatus newStatus) {
        return new ServiceDefinition(code, name, description, newStatus, form, steps);
    }
}
