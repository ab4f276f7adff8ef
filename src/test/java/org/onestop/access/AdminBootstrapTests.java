package org.onestop.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.access.Http.basic;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.onestop.OneStopApplication;
import org.onestop.testing.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application twice over one database, as an operator restarting it would. */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTests {

    private static final Pattern BANNER_PASSWORD = Pattern.compile("Password: (\\S+)");
    private static final String BANNER = "first manager account created";

    @Test
    void generates_a_password_logs_it_once_and_does_not_recreate_the_manager_on_restart(CapturedOutput output)
            throws Exception {
        Map<String, Object> database = database();
        String password;
        try (ConfigurableApplicationContext first = start(database, "")) {
            assertThat(first.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(database.get("spring.datasource.url"));
            Matcher matcher = BANNER_PASSWORD.matcher(output.getAll());
            assertThat(matcher.find()).as("the banner shows the generated password").isTrue();
            password = matcher.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(output.getAll()).contains("/console").contains("Username: admin");
            assertThat(new Http(port(first)).get("/api/v1/whoami", basic("admin", password)).statusCode()).isEqualTo(200);
        }

        try (ConfigurableApplicationContext second = start(database, "a-different-password")) {
            assertThat(output.getAll().split(BANNER, -1)).hasSize(2);
            Http http = new Http(port(second));
            assertThat(http.get("/api/v1/whoami", basic("admin", password)).statusCode()).isEqualTo(200);
            assertThat(http.get("/api/v1/whoami", basic("admin", "a-different-password")).statusCode()).isEqualTo(401);
            assertThat(second.getBean(StaffAccounts.class).all())
                    .containsExactly(new StaffMember("admin", StaffRole.MANAGER, null));
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> database, String adminPassword) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("server.port", "0");
        properties.put("onestop.demo.enabled", "false");
        properties.put("onestop.data-dir", "target/test-data");
        properties.put("onestop.admin.password", adminPassword);
        properties.put("spring.jmx.enabled", "false");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(OneStopApplication.class).run(arguments);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** One database shared by both starts: an in-memory H2 database kept open, or a PostgreSQL schema. */
    private static Map<String, Object> database() {
        String name = "b" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        if (TestDatabase.onPostgres()) {
            return Map.of(
                    "spring.datasource.url", TestDatabase.POSTGRES_URL + "?currentSchema=" + name,
                    "spring.datasource.username", System.getProperty("onestop.test.postgres.user", "postgres"),
                    "spring.datasource.password", "",
                    "spring.flyway.schemas", name,
                    "spring.flyway.create-schemas", "true",
                    "spring.datasource.hikari.maximum-pool-size", "4");
        }
        return Map.of(
                "spring.datasource.url", "jdbc:h2:mem:" + name
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.datasource.username", "sa",
                "spring.datasource.password", "",
                "spring.datasource.hikari.maximum-pool-size", "4");
    }
}
