package org.onestop.definition.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.onestop.definition.DefinitionFormat;
import org.onestop.definition.ImportResult;
import org.onestop.definition.NetworkDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the "Start a business" demo network when the platform starts on an empty database. */
@Component
@Order(0)
@ConditionalOnProperty(name = "onestop.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoNetwork implements ApplicationRunner {

    static final String RESOURCE = "/demo/start-a-business.yaml";
    private static final Logger log = LoggerFactory.getLogger(DemoNetwork.class);

    private final NetworkDefinitions definitions;

    DemoNetwork(NetworkDefinitions definitions) {
        this.definitions = definitions;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!definitions.networkIsEmpty()) {
            return;
        }
        try (InputStream in = DemoNetwork.class.getResourceAsStream(RESOURCE)) {
            ImportResult result = definitions.importText(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    DefinitionFormat.YAML);
            log.info("Loaded the demo network: {} organisations, {} agreements, services {}", result.organisations(),
                    result.agreements(), result.serviceVersions());
        }
    }
}
