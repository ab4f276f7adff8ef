package org.onestop.keys.internal;

import java.nio.file.Path;
import java.time.Clock;

import org.onestop.keys.PlatformKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

    @Bean
    PlatformKeys platformKeys(@Value("${onestop.data-dir}") Path dataDirectory, Clock clock) {
        return new FilePlatformKeys(dataDirectory.resolve("keys"), clock);
    }
}
