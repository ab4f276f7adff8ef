package org.onestop.definition;

import java.util.List;

import org.onestop.catalog.ServiceDefinition;
import org.onestop.network.Agreement;
import org.onestop.network.Organisation;

/** A whole network as one document. */
public record NetworkDefinition(List<Organisation> organisations, List<Agreement> agreements,
        List<ServiceDefinition> services) {

    public NetworkDefinition {
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
        services = services == null ? List.of() : List.copyOf(services);
    }
}
