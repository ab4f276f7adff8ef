package org.onestop.intake.internal;

import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Writes an event to the log and publishes the module event, both in the caller's transaction. */
@Component
class Recording {

    private final EventLog log;
    private final ApplicationEventPublisher publisher;

    Recording(EventLog log, ApplicationEventPublisher publisher) {
        this.log = log;
        this.publisher = publisher;
    }

    void record(Event logged, Object published) {
        log.append(logged);
        publisher.publishEvent(published);
    }
}
