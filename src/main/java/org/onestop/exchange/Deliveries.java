package org.onestop.exchange;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads deliveries, and hands dead ones back for another round. */
public interface Deliveries {

    Optional<Delivery> find(UUID id);

    /** The organisation's deliveries in a state, oldest first. */
    List<Delivery> of(String organisation, DeliveryState state, int limit);

    /** How many deliveries each organisation has in each state (organisations without deliveries are absent). */
    Map<String, Map<DeliveryState, Long>> countsByOrganisation();

    /**
     * The organisation's deliveries that should have moved on: pending ones due for longer than {@code overdueFor},
     * and in-flight ones whose lease ran out longer ago than that. Oldest first.
     */
    List<Delivery> stuck(String organisation, Duration overdueFor, int limit);

    /** The delivery's attempts, first first. */
    List<DeliveryAttempt> attempts(UUID id);

    /** The signed outcome the organisation reported for the delivery, as it sent it (compact JWS or SET), if it signed one. */
    Optional<String> outcomeProof(UUID id);

    /** Makes a dead delivery pending again, with a fresh round of attempts; false when it was not dead. */
    boolean replay(UUID id, String actor);

    /** Replays every dead delivery of the organisation; returns how many. */
    int replayDead(String organisation, String actor);
}
