package org.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrelationIdFilterTests {

    @Test
    void accepts_up_to_64_letters_digits_dots_underscores_and_dashes() {
        assertThat(CorrelationIdFilter.accept("a.B_c-9")).isEqualTo("a.B_c-9");
        assertThat(CorrelationIdFilter.accept("y".repeat(64))).isEqualTo("y".repeat(64));
    }

    @Test
    void replaces_anything_else_with_a_uuid() {
        assertThat(CorrelationIdFilter.accept(null)).hasSize(36);
        assertThat(CorrelationIdFilter.accept("")).hasSize(36);
        assertThat(CorrelationIdFilter.accept("y".repeat(65))).hasSize(36);
        assertThat(CorrelationIdFilter.accept("a\nb")).hasSize(36);
        assertThat(CorrelationIdFilter.accept("é")).hasSize(36);
    }
}
