package org.onestop.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The services of the network, version by version. */
public interface Catalog {

    /** The version that takes new applications. */
    Optional<Service> published(String code);

    Optional<Service> find(UUID id);

    Optional<Service> latest(String code);

    /** Every version of a service, newest first. */
    List<Service> versions(String code);

    /** The newest version of each service, by code. */
    List<Service> latestOfEach();

    /**
     * Stores a definition that {@link ServiceRules} accepted. The same content again changes
     * nothing; a new status alone changes the newest version; new content replaces a draft
     * or else becomes a new version. Publishing retires the version published before, which
     * keeps serving the applications made under it.
     */
    Service save(ServiceDefinition definition);
}
