package org.onestop.network;

import java.util.List;
import java.util.Optional;

/** The agreements between the orchestrator and the organisations of the network. */
public interface Agreements {

    Optional<Agreement> find(String code);

    List<Agreement> all();

    List<Agreement> forService(String serviceCode);

    /** Inserts the agreement or replaces the one with the same code. */
    void save(Agreement agreement);
}
