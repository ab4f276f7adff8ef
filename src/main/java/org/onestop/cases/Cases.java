package org.onestop.cases;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads cases. */
public interface Cases {

    Optional<Case> find(UUID id);

    /** Ready and in-progress steps of open cases handled by the organisation, oldest first. */
    List<WorkItem> workFor(String organisation, int limit);
}
