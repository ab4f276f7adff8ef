package org.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdempotencyKeysTests {

    @Test
    void a_key_is_one_to_two_hundred_visible_ascii_characters_and_none_is_fine() {
        assertThat(IdempotencyKeys.problem(null, "key")).isEmpty();
        assertThat(IdempotencyKeys.problem("k-1/2:3", "key")).isEmpty();
        assertThat(IdempotencyKeys.problem("x".repeat(200), "key")).isEmpty();
        assertThat(IdempotencyKeys.problem("x".repeat(201), "key")).hasValueSatisfying(v -> assertThat(v.path()).isEqualTo("key"));
        assertThat(IdempotencyKeys.problem("", "key")).isPresent();
        assertThat(IdempotencyKeys.problem("with space", "key")).isPresent();
        assertThat(IdempotencyKeys.problem("café", "key")).isPresent();
        assertThatThrownBy(() -> IdempotencyKeys.checkHeader("with space")).isInstanceOfSatisfying(InvalidInput.class,
                invalid -> assertThat(invalid.violations()).extracting(Violation::path).containsExactly("Idempotency-Key"));
    }
}
