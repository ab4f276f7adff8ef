package org.onestop.access.internal;

import org.springframework.core.env.Environment;

/**
 * The platform's base URL, which member tokens must name as their audience: {@code onestop.base-url},
 * or {@code http://localhost:<port>} when it is not set.
 */
final class PlatformAudience {

    private final Environment environment;
    // asked for on every member request; settles once the server has its port
    private volatile String settled;

    PlatformAudience(Environment environment) {
        this.environment = environment;
    }

    String url() {
        String url = settled;
        if (url == null) {
            url = resolve();
            if (!environment.getProperty("onestop.base-url", "").isBlank() || environment.getProperty("local.server.port") != null) {
                settled = url;
            }
        }
        return url;
    }

    private String resolve() {
        String configured = environment.getProperty("onestop.base-url", "");
        if (!configured.isBlank()) {
            return normalise(configured);
        }
        return "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }

    static String normalise(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
