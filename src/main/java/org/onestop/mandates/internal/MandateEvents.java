package org.onestop.mandates.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.mandates.Mandate;
import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.platform.Ids;
import org.springframework.stereotype.Component;

/** Writes each change of a mandate to the event log, in the caller's transaction, and reads a mandate's history back. */
@Component
class MandateEvents {

    static final String REQUESTED = "mandate-requested";
    static final String CONFIRMED = "mandate-confirmed";
    static final String REVOKED = "mandate-revoked";
    private static final List<String> TYPES = List.of(REQUESTED, CONFIRMED, REVOKED);

    private final EventLog log;
    private final Clock clock;

    MandateEvents(EventLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    void log(String type, Mandate mandate, String actor, Instant at, Map<String, Object> more) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("mandate", mandate.id().toString());
        attributes.put("principal", mandate.principal());
        attributes.put("services", mandate.services());
        attributes.putAll(more);
        log.append(new Event(Ids.newId(clock), at, type, null, null, null, mandate.agent(), null, actor, attributes));
    }

    /** The mandate's events, oldest first. */
    List<Event> history(UUID mandate, String agent) {
        String id = mandate.toString();
        return log.ofOrganisation(agent, TYPES).stream()
                .filter(event -> id.equals(event.attributes().get("mandate")))
                .toList();
    }
}
