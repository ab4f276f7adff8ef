package org.onestop.definition.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.onestop.access.StaffAccounts;
import org.onestop.access.StaffRole;
import org.onestop.definition.DefinitionFormat;
import org.onestop.definition.ImportResult;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.network.Organisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
    private final StaffAccounts staff;
    private final String operatorPassword;

    DemoNetwork(NetworkDefinitions definitions, StaffAccounts staff,
            @Value("${onestop.demo.operator-password:}") String operatorPassword) {
        this.definitions = definitions;
        this.staff = staff;
        this.operatorPassword = operatorPassword;
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
        createOperators();
    }

    /** One operator account per demo organisation, named after it, so each back office can be tried in the console. */
    private void createOperators() {
        String password = operatorPassword.isBlank() ? generatedPassword() : operatorPassword;
        List<String> created = new ArrayList<>();
        for (Organisation organisation : definitions.current().organisations()) {
            if (staff.find(organisation.code()).isEmpty()) {
                staff.create(organisation.code(), password, StaffRole.OPERATOR, organisation.code());
                created.add(organisation.code());
            }
        }
        if (!created.isEmpty()) {
            log.warn("""

                    ================================================================
                      Demo operators (one per organisation), sign in at /sign-in
                      Usernames: {}
                      Password:  {}{}
                    ================================================================""", String.join(", ", created),
                    operatorPassword.isBlank() ? password : "(ONESTOP_DEMO_OPERATOR_PASSWORD)",
                    operatorPassword.isBlank() ? "\n  This password is shown once." : "");
        }
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
