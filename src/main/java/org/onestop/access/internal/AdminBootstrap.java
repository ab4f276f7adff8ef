package org.onestop.access.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.onestop.access.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On start, when no manager account exists, creates one from {@code onestop.admin.user} and
 * {@code onestop.admin.password} ({@code ONESTOP_ADMIN_USER}, {@code ONESTOP_ADMIN_PASSWORD}); without a
 * password it generates a strong one and logs it once.
 */
@Component
@ConditionalOnWebApplication
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcStaffAccounts accounts;
    private final Environment environment;

    AdminBootstrap(JdbcStaffAccounts accounts, Environment environment) {
        this.accounts = accounts;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createFirstManager() {
        if (accounts.managerExists()) {
            return;
        }
        String username = environment.getProperty("onestop.admin.user", "admin");
        String given = environment.getProperty("onestop.admin.password", "");
        String password = given.isBlank() ? generatedPassword() : given;
        accounts.create(username, password, StaffRole.MANAGER, null);
        if (given.isBlank()) {
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            log.warn("""

                    ================================================================
                      OneStop: first manager account created
                      Console:  http://localhost:{}/console
                      Username: {}
                      Password: {}
                      This password is shown once. Sign in and keep it safe, or
                      set ONESTOP_ADMIN_PASSWORD before the first start.
                    ================================================================""", port, username, password);
        } else {
            log.info("OneStop: first manager account {} created with the configured password", username);
        }
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
