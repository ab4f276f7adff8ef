package org.onestop.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.onestop.catalog.Catalog;
import org.onestop.catalog.NetworkView;
import org.onestop.catalog.ServiceDefinition;
import org.onestop.network.Agreement;
import org.onestop.network.Agreements;
import org.onestop.network.Organisation;
import org.onestop.network.Organisations;
import org.onestop.query.QueryService;
import org.onestop.query.QueryServices;

/** The stored network with a definition laid over it: what the network will be once the definition is imported. */
record OverlaidNetwork(NetworkDefinition definition, Organisations organisations, Agreements agreements, Catalog catalog,
        QueryServices queries)
        implements NetworkView {

    @Override
    public Optional<Organisation> organisation(String code) {
        return definition.organisations().stream().filter(o -> o.code().equals(code)).findFirst()
                .or(() -> organisations.find(code));
    }

    @Override
    public List<Agreement> agreementsFor(String serviceCode) {
        Set<String> redefined = definition.agreements().stream().map(Agreement::code).collect(Collectors.toSet());
        List<Agreement> all = new ArrayList<>(definition.agreements().stream()
                .filter(a -> a.service().equals(serviceCode)).toList());
        agreements.forService(serviceCode).stream().filter(a -> !redefined.contains(a.code())).forEach(all::add);
        return all;
    }

    Optional<ServiceDefinition> service(String code) {
        return definition.services().stream().filter(s -> s.code().equals(code)).findFirst()
                .or(() -> catalog.latest(code).map(s -> s.definition()));
    }

    Optional<QueryService> storedQueryService(String provider, String code) {
        return queries.find(provider, code);
    }
}
