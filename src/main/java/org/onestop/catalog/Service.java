package org.onestop.catalog;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** One stored version of a service. Applications keep the version they were made under. */
public record Service(UUID id, int version, @JsonUnwrapped ServiceDefinition definition, Instant createdAt) {

    public String code() {
        return definition.code();
    }

    public ServiceStatus status() {
        return definition.status();
    }
}
