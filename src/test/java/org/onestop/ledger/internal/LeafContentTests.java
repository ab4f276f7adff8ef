package org.onestop.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The leaf's canonical JSON, written directly, is exactly what the JCS library makes of the whole event. */
class LeafContentTests {

    @Test
    void the_direct_form_equals_the_library_form_for_awkward_values() {
        String[] awkward = {"plain", "quote \" and backslash \\", "tab\tnew\nline\r\b\f", "control \u0001\u001f", "é ü 中文 😀",
                "line\u2028separator", "</script>", ""};
        String[] attributes = {"{}", "{\"b\": 1.50, \"a\": [3, 1e2, -0.0, 10000000000000000000000]}",
                "{\"z\": {\"y\": \"\\u00e9\", \"x\": null, \"€\": true, \"\\u0001\": \"\"}}", "{\"fields\": [\"business.name\"]}"};
        for (String text : awkward) {
            for (String attribute : attributes) {
                LeafContent.EventRow row = new LeafContent.EventRow(UUID.randomUUID(), Instant.parse("2026-05-01T10:15:30.123456789Z"),
                        "step-" + text, UUID.randomUUID(), null, text, text, null, text, attribute);
                assertThat(new String(LeafContent.canonical(row), StandardCharsets.UTF_8))
                        .isEqualTo(new String(LeafContent.canonicalByLibrary(row), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void time_has_six_fraction_digits_in_utc_and_numbers_follow_ecmascript() {
        LeafContent.EventRow row = new LeafContent.EventRow(new UUID(1, 2), Instant.parse("2026-05-01T10:15:30Z"), "t", null, null,
                null, null, null, null, "{\"n\": 1.0, \"m\": 1e21}");
        assertThat(new String(LeafContent.canonical(row), StandardCharsets.UTF_8)).isEqualTo(
                "{\"actor\":null,\"applicationId\":null,\"attributes\":{\"m\":1e+21,\"n\":1},\"caseId\":null,\"channel\":null,"
                        + "\"id\":\"00000000-0000-0001-0000-000000000002\",\"occurredAt\":\"2026-05-01T10:15:30.000000Z\","
                        + "\"organisation\":null,\"step\":null,\"type\":\"t\"}");
    }
}
