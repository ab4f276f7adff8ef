package org.onestop.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.platform.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Writes the cases' events to the log, and publishes those other modules act on, in the caller's transaction. */
@Component
class CaseEvents {

    private final EventLog log;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    CaseEvents(EventLog log, ApplicationEventPublisher publisher, Clock clock) {
        this.log = log;
        this.publisher = publisher;
        this.clock = clock;
    }

    void log(String type, UUID caseId, String step, String organisation, String actor, Instant at,
            Map<String, Object> attributes) {
        log.append(new Event(Ids.newId(clock), at, type, caseId, caseId, step, organisation, null, actor, attributes));
    }

    void publish(Object event) {
        publisher.publishEvent(event);
    }
}
