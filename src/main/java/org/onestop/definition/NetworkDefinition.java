package org.onestop.definition;

import java.util.List;

import org.onestop.insight.PublicValueIndicator;

import org.onestop.catalog.ServiceDefinition;
import org.onestop.network.Agreement;
import org.onestop.network.Organisation;

/**
 * A whole network as one document.
 *
 * @param publicValue the public value scorecard; null when the document does not declare one
 *        (an import then keeps the scorecard as it is)
 */
public record NetworkDefinition(List<Organisation> organisations, List<Agreement> agreements,
        List<ServiceDefinition> services, List<PublicValueIndicator> publicValue) {

    public NetworkDefinition {
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
        services = services == null ? List.of() : List.copyOf(services);
        publicValue = publicValue == null ? null : List.copyOf(publicValue);
    }

    public NetworkDefinition(List<Organisation> organisations, List<Agreement> agreements,
            List<ServiceDefinition> services) {
        this(organisations, agreements, services, null);
    }
}
