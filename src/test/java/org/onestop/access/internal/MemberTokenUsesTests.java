package org.onestop.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@OneStopTest
@TestPropertySource(properties = "onestop.base-url=https://onestop.test")
class MemberTokenUsesTests {

    @Autowired
    MemberTokenUses uses;

    @Test
    void a_token_id_is_used_once_per_organisation() {
        String jti = UUID.randomUUID().toString();
        Instant later = Instant.now().plus(Duration.ofMinutes(5));

        assertThat(uses.firstUse("BANK", jti, later)).isTrue();
        assertThat(uses.firstUse("BANK", jti, later)).isFalse();
        assertThat(uses.firstUse("REGISTRY", jti, later)).isTrue();
    }

    @Test
    void purging_forgets_expired_uses_and_keeps_live_ones() {
        String expired = UUID.randomUUID().toString();
        String live = UUID.randomUUID().toString();
        uses.firstUse("BANK", expired, Instant.now().minus(Duration.ofMinutes(1)));
        uses.firstUse("BANK", live, Instant.now().plus(Duration.ofMinutes(5)));

        assertThat(uses.purgeExpired()).isGreaterThanOrEqualTo(1);

        assertThat(uses.firstUse("BANK", expired, Instant.now().plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(uses.firstUse("BANK", live, Instant.now().plus(Duration.ofMinutes(5)))).isFalse();
    }
}
