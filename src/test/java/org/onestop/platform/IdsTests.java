package org.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void ids_are_version_7_and_ordered_by_time() {
        UUID earlier = Ids.newId(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        UUID later = Ids.newId(Clock.fixed(Instant.parse("2026-01-01T00:00:01Z"), ZoneOffset.UTC));
        assertThat(earlier.version()).isEqualTo(7);
        assertThat(earlier.variant()).isEqualTo(2);
        assertThat(earlier.toString()).isLessThan(later.toString());
        assertThat(earlier.getMostSignificantBits() >>> 16).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    }

    @Test
    void ids_made_in_the_same_millisecond_still_sort_in_order() {
        Clock frozen = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);
        UUID previous = Ids.newId(frozen);
        for (int i = 0; i < 10_000; i++) {
            UUID next = Ids.newId(frozen);
            assertThat(next.toString()).isGreaterThan(previous.toString());
            previous = next;
        }
    }
}
