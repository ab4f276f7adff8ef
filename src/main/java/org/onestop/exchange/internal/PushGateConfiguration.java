package org.onestop.exchange.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class PushGateConfiguration {

    @Bean
    PushGate pushGate(Clock clock, MeterRegistry meters,
            @Value("${onestop.exchange.push.per-organisation:4}") int perOrganisation,
            @Value("${onestop.exchange.push.breaker.failures:5}") int failures,
            @Value("${onestop.exchange.push.breaker.cool-down:PT30S}") Duration coolDown) {
        return new PushGate(clock, perOrganisation, failures, coolDown, meters);
    }
}
