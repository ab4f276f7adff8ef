package org.onestop.portal.internal;

import java.time.Clock;
import java.util.Map;

import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.platform.Ids;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code application-started}: an applicant saved the first page of a journey. Written once per
 * journey (keyed by the journey's idempotency key), so that a resumed journey is not a new start
 * when the completion rate is measured.
 */
@Component
class JourneyEvents {

    private final EventLog events;
    private final Clock clock;

    JourneyEvents(EventLog events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void started(Journey journey) {
        events.append(new Event(Ids.newId(clock), clock.instant(), "application-started", null, null, null, null,
                "portal", "applicant", Map.of("journey", journey.idempotencyKey, "service", journey.service)));
    }
}
