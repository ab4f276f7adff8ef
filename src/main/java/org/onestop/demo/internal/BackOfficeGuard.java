package org.onestop.demo.internal;

import java.util.List;
import java.util.Locale;

/**
 * Simulated back offices complete real cases with invented numbers, so they must never run
 * where cases are real: not in a production profile and not over PostgreSQL (the production
 * database), unless explicitly forced.
 */
final class BackOfficeGuard {

    static final List<String> PRODUCTION_PROFILES = List.of("prod", "production");

    private BackOfficeGuard() {
    }

    /** Why the simulators must not start here, or {@code null} when they may. */
    static String refusal(List<String> activeProfiles, String databaseUrl, boolean forced) {
        if (forced) {
            return null;
        }
        for (String profile : activeProfiles) {
            if (PRODUCTION_PROFILES.contains(profile.toLowerCase(Locale.ROOT))) {
                return "the '" + profile + "' profile is active";
            }
        }
        if (databaseUrl != null && !databaseUrl.startsWith("jdbc:h2:")) {
            return "the database is not the embedded H2 demo database (" + databaseUrl.replaceAll("//[^/@]*@", "//") + ")";
        }
        return null;
    }
}
