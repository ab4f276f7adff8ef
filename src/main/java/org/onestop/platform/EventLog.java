package org.onestop.platform;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The append-only log of every state change. */
public interface EventLog {

    /** Writes the event in the caller's transaction. */
    void append(Event event);

    /** The events of one case, oldest first. */
    List<Event> ofCase(UUID caseId);

    /** The events of these types whose organisation is the given one, oldest first. */
    List<Event> ofOrganisation(String organisation, Collection<String> types);
}
