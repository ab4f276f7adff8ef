package org.onestop.query;

import java.util.List;
import java.util.Optional;

/** The query services of the network and the agreements that grant their use. */
public interface QueryServices {

    Optional<QueryService> find(String provider, String code);

    List<QueryService> all();

    /** Inserts the service or replaces the one with the same provider and code. */
    void save(QueryService service);

    List<QueryAgreement> agreements();

    Optional<QueryAgreement> agreement(String code);

    /** Inserts the agreement or replaces the one with the same code. */
    void save(QueryAgreement agreement);
}
