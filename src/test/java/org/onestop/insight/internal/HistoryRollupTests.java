package org.onestop.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.insight.History;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * History written on a fresh install is rolled up as it is written; the result must be exactly
 * what reading the whole log back gives.
 */
@OneStopTest
@TestPropertySource(properties = "onestop.insight.interval=PT1H")
class HistoryRollupTests {

    private static final List<String> ROLL_UPS = List.of(
            "SELECT * FROM insight_daily ORDER BY service, on_day, channel",
            "SELECT * FROM insight_step_daily ORDER BY service, step, organisation, channel, on_day",
            "SELECT * FROM insight_duration ORDER BY service, step, organisation, measure, on_day, bucket",
            "SELECT * FROM insight_handoff ORDER BY service, from_step, from_organisation, to_step, to_organisation, on_day",
            "SELECT * FROM insight_case ORDER BY case_id",
            "SELECT * FROM insight_step ORDER BY case_id, step",
            "SELECT * FROM insight_journey ORDER BY journey");

    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    History history;
    @Autowired
    EventRollup rollup;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void history_rolled_up_as_written_equals_the_log_read_back() {
        DemoNetworkFixture.load(definitions);
        assertThat(rollup.startsEmpty()).isTrue();

        long events = history.generate(1_500, 6, 11);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_log WHERE type = 'application-submitted'", Long.class))
                .isEqualTo(1_500);
        assertThat(events).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM event_log WHERE type LIKE 'application-%' "
                + "OR type LIKE 'case-%' OR type LIKE 'step-%' OR type LIKE 'delivery-%' OR type IN ('satisfaction-rated', 'complaint-made', 'appeal-made')",
                Long.class));
        assertThat(rollup.startsEmpty()).isFalse();
        assertThat(rollup.catchUp(java.time.Instant.now())).as("the reader finds nothing left to take").isZero();
        List<List<Map<String, Object>>> asWritten = snapshot();
        assertThat(asWritten.get(0)).hasSizeGreaterThan(100);
        assertThat(asWritten.get(4)).hasSize(1_500);

        rollup.rebuild();

        List<List<Map<String, Object>>> readBack = snapshot();
        for (int table = 0; table < ROLL_UPS.size(); table++) {
            assertThat(readBack.get(table)).as(ROLL_UPS.get(table)).containsExactlyInAnyOrderElementsOf(asWritten.get(table));
        }
    }

    private List<List<Map<String, Object>>> snapshot() {
        return ROLL_UPS.stream().map(jdbc::queryForList).toList();
    }
}
