package org.onestop.demo.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The simulators' receiving ends stand for other organisations' systems: no session, no CSRF,
 * no sign-in; each checks the platform's signature on what it receives instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "onestop.demo.back-offices.enabled", havingValue = "true")
class SimulatorSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain simulatedBackOffices(HttpSecurity http) throws Exception {
        http.securityMatcher(BackOffices.PATH + "**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
