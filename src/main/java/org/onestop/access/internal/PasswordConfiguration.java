package org.onestop.access.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Staff passwords are hashed with Spring Security's delegating encoder (bcrypt, prefixed {@code {bcrypt}}). */
@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

    @Bean
    static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
