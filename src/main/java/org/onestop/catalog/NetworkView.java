package org.onestop.catalog;

import java.util.List;
import java.util.Optional;

import org.onestop.network.Agreement;
import org.onestop.network.Organisation;

/**
 * The organisations and agreements a service definition is checked against: the stored network,
 * or the stored network with a definition file laid over it before that file is imported.
 */
public interface NetworkView {

    Optional<Organisation> organisation(String code);

    List<Agreement> agreementsFor(String serviceCode);
}
