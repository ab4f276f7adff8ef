package org.onestop.exchange.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Deliveries by state as gauges ({@code onestop_deliveries{state=...}}), read from the database at
 * each scrape, so that every node reports the same shared truth.
 */
@Component
class DeliveryMetrics {

    DeliveryMetrics(MeterRegistry registry, JdbcClient jdbc) {
        for (String state : new String[] {"PENDING", "IN_FLIGHT", "DELIVERED", "DEAD"}) {
            Gauge.builder("onestop.deliveries", jdbc, j -> j.sql("SELECT COUNT(*) FROM delivery WHERE state = ?")
                            .param(state).query(Long.class).single())
                    .tag("state", state.toLowerCase().replace('_', '-'))
                    .description("Deliveries in each state")
                    .register(registry);
        }
    }
}
