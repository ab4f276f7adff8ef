package org.onestop.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BackOfficeGuardTests {

    private static final String H2 = "jdbc:h2:file:./data/onestop;MODE=PostgreSQL";
    private static final String POSTGRES = "jdbc:postgresql://db.example:5432/onestop";

    @Test
    void the_simulators_may_run_over_the_embedded_demo_database() {
        assertThat(BackOfficeGuard.refusal(List.of(), H2, false)).isNull();
        assertThat(BackOfficeGuard.refusal(List.of("demo"), H2, false)).isNull();
    }

    @Test
    void they_are_refused_over_postgresql_or_in_a_production_profile_unless_forced() {
        assertThat(BackOfficeGuard.refusal(List.of("demo"), POSTGRES, false)).contains("not the embedded H2");
        assertThat(BackOfficeGuard.refusal(List.of("prod"), H2, false)).contains("'prod' profile");
        assertThat(BackOfficeGuard.refusal(List.of("Production"), H2, false)).contains("'Production' profile");
        assertThat(BackOfficeGuard.refusal(List.of("prod"), POSTGRES, true)).isNull();
    }

    @Test
    void the_refusal_says_how_to_switch_them_off_without_showing_credentials() {
        String reason = BackOfficeGuard.refusal(List.of(), "jdbc:postgresql://onestop:secret@db.example/onestop", false);
        assertThat(reason).doesNotContain("secret");
        assertThat(new BackOfficesRefused(reason).getMessage()).contains("ONESTOP_DEMO_BACK_OFFICES=false");
    }
}
