package org.onestop.portal.internal;

import java.util.List;

import org.onestop.catalog.Catalog;
import org.onestop.catalog.Service;
import org.onestop.catalog.ServiceStatus;
import org.onestop.catalog.Step;
import org.onestop.network.Organisation;
import org.onestop.network.Organisations;
import org.onestop.platform.NotFound;
import org.springframework.stereotype.Component;

/** The services applicants may apply for, and the names of the organisations that do the work. */
@Component
final class PublishedServices {

    private final Catalog catalog;
    private final Organisations organisations;

    PublishedServices(Catalog catalog, Organisations organisations) {
        this.catalog = catalog;
        this.organisations = organisations;
    }

    List<Service> all() {
        return catalog.latestOfEach().stream()
                .map(latest -> latest.status() == ServiceStatus.PUBLISHED ? latest : catalog.published(latest.code()).orElse(null))
                .filter(service -> service != null)
                .toList();
    }

    /** @throws NotFound when no version of the service takes applications */
    Service published(String code) {
        return catalog.published(code).orElseThrow(() -> new NotFound("No published service " + code));
    }

    /** The version of a service an application was made under, published or not since. */
    Service version(java.util.UUID id) {
        return catalog.find(id).orElse(null);
    }

    String organisationName(String code) {
        return code == null ? "" : organisations.find(code).map(Organisation::name).orElse(code);
    }

    /** Who may do a step before the form says which one: "Northfield Municipality or Southport Municipality". */
    String possibleOrganisations(Step step) {
        List<String> names = step.possibleOrganisations().stream().map(this::organisationName).sorted().toList();
        if (names.size() <= 1) {
            return names.isEmpty() ? "" : names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
