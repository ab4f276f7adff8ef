package org.onestop.exchange;

import java.util.Optional;

/** Pausing and resuming pushes to an organisation (managers, or the organisation's operators). */
public interface DeliveryPauses {

    Optional<DeliveryPause> of(String organisation);

    /** Pauses pushes to the organisation; false when they were already paused. */
    boolean pause(String organisation, String actor);

    /** Resumes pushes to the organisation and wakes the pusher; false when they were not paused. */
    boolean resume(String organisation, String actor);
}
