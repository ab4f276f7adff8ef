package org.onestop.testing;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context a database of its own: an in-memory H2 database in
 * PostgreSQL mode by default, or a fresh schema in the PostgreSQL test database when the suite
 * runs with {@code -Ponstop.test.db=postgres} (the {@code postgres} Maven profile).
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String POSTGRES_URL = System.getProperty("onestop.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/onestop_test");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("onestop-test-database", properties(name)));
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("onestop.test.db", "h2"));
    }

    public static Map<String, Object> properties(String name) {
        if (onPostgres()) {
            return Map.of(
                    "spring.datasource.url", POSTGRES_URL + "?currentSchema=" + name,
                    "spring.datasource.username", System.getProperty("onestop.test.postgres.user", "postgres"),
                    "spring.datasource.password", "",
                    "spring.flyway.schemas", name,
                    "spring.flyway.create-schemas", "true",
                    "spring.datasource.hikari.maximum-pool-size", "6",
                    // cached test contexts sit idle: they give their connections back, so that many fit in max_connections
                    "spring.datasource.hikari.minimum-idle", "1",
                    "spring.datasource.hikari.idle-timeout", "10000");
        }
        return Map.of(
                "spring.datasource.url", "jdbc:h2:mem:" + name
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "spring.datasource.username", "sa",
                "spring.datasource.password", "",
                "spring.datasource.hikari.maximum-pool-size", "6");
    }
}
