package org.onestop.exchange;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads deliveries, and hands dead ones back for another round. */
public interface Deliveries {

    Optional<Delivery> find(UUID id);

    /** The organisation's deliveries in a state, oldest first. */
    List<Delivery> of(String organisation, DeliveryState state, int limit);

    /** Makes a dead delivery pending again, with a fresh round of attempts; false when it was not dead. */
    boolean replay(UUID id, String actor);
}
