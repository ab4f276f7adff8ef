package org.onestop.definition;

import java.util.List;

import org.onestop.catalog.ServiceDefinition;
import org.onestop.insight.PublicValueIndicator;
import org.onestop.network.Agreement;
import org.onestop.network.Organisation;
import org.onestop.query.QueryAgreement;
import org.onestop.query.QueryService;

/**
 * A whole network as one document.
 *
 * @param publicValue the public value scorecard; null when the document does not declare one
 *        (an import then keeps the scorecard as it is)
 */
public record NetworkDefinition(List<Organisation> organisations, List<Agreement> agreements,
        List<ServiceDefinition> services, List<QueryService> queryServices, List<QueryAgreement> queryAgreements,
        List<PublicValueIndicator> publicValue) {

    public NetworkDefinition {
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
        agreements = agreements == null ? List.of() : List.copyOf(agreements);
        services = services == null ? List.of() : List.copyOf(services);
        queryServices = queryServices == null ? List.of() : List.copyOf(queryServices);
        queryAgreements = queryAgreements == null ? List.of() : List.copyOf(queryAgreements);
        publicValue = publicValue == null ? null : List.copyOf(publicValue);
    }

    public NetworkDefinition(List<Organisation> organisations, List<Agreement> agreements, List<ServiceDefinition> services) {
        this(organisations, agreements, services, null, null, null);
    }
}
