package org.onestop.intake;

import java.util.Optional;
import java.util.UUID;

/** Reads stored applications. */
public interface Applications {

    Optional<Application> find(UUID id);

    /** The application with this reference, if the access code is the right one for it. */
    Optional<Application> findByReference(String reference, String accessCode);
}
