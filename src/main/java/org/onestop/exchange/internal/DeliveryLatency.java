package org.onestop.exchange.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * How long work takes to reach its organisation, as histograms on {@code /actuator/prometheus}:
 * {@code onestop_delivery_latency_seconds{since="created"}} from the delivery's creation to its
 * delivery (a 2xx answer or an acknowledgement), and {@code since="submitted"} from the
 * submission of the application behind it, where that is known.
 */
@Component
class DeliveryLatency {

    private final Timer sinceCreated;
    private final Timer sinceSubmitted;

    DeliveryLatency(MeterRegistry meters) {
        this.sinceCreated = timer(meters, "created", "From a delivery's creation to its delivery");
        this.sinceSubmitted = timer(meters, "submitted", "From the application's submission to the delivery of its work");
    }

    private static Timer timer(MeterRegistry meters, String since, String description) {
        return Timer.builder("onestop.delivery.latency").tag("since", since).description(description)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofHours(1))
                .register(meters);
    }

    void delivered(Instant createdAt, Instant submittedAt, Instant deliveredAt) {
        record(sinceCreated, createdAt, deliveredAt);
        record(sinceSubmitted, submittedAt, deliveredAt);
    }

    private static void record(Timer timer, Instant from, Instant to) {
        if (from != null && to != null && !to.isBefore(from)) {
            timer.record(Duration.between(from, to));
        }
    }
}
