package org.onestop.network;

import java.util.List;
import java.util.Optional;

/** The network's directory of organisations. */
public interface Organisations {

    Optional<Organisation> find(String code);

    List<Organisation> all();

    /** Inserts the organisation or replaces the one with the same code. */
    void save(Organisation organisation);
}
