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
                + "OR type LIKE 'case-%' OR type LIKE 'step-%' OR type LIKE 'delivery-%' OR type LIKE 'registry-quer%' OR type IN "
                + "('satisfaction-rated', 'complaint-made', 'appeal-made', 'applicant-updated')",
                Long.class));
        assertThat(rollup.startsEmpty()).isFalse();
        assertThat(rollup.catchUp(java.time.Instant.now())).as("the reader finds nothing left to take").isZero();
        List<List<Map<String, Object>>> asWritten = snapshot();
        assertThat(asWritten.get(0)).hasSizeGreaterThan(100);
        assertThat(asWritten.get(4)).hasSize(1_500);
        // portal applications prefilled from the address register, and updates to applicants, most but not all
        Map<String, Object> sums = jdbc.queryForMap("SELECT SUM(submitted) AS submitted, SUM(prefilled) AS prefilled, "
                + "SUM(milestone_cases) AS milestones, SUM(updated_cases) AS updated FROM insight_daily");
        long prefilled = ((Number) sums.get("prefilled")).longValue();
        assertThat(prefilled).isPositive().isLessThan(((Number) sums.get("submitted")).longValue() / 2);
        assertThat(prefilled).isEqualTo(jdbc.queryForObject(
                "SELECT COUNT(DISTINCT case_id) FROM event_log WHERE type = 'registry-query-attributed'", Long.class));
        long updated = ((Number) sums.get("updated")).longValue();
        assertThat(updated).isPositive().isLessThan(((Number) sums.get("milestones")).longValue() / 2);
        // the slow bank seldom tells the applicant how it goes; the registry mostly does
        assertThat(updateRate("northbank")).isLessThan(0.25);
        assertThat(updateRate("business-registry")).isGreaterThan(0.6);

        rollup.rebuild();

        List<List<Map<String, Object>>> readBack = snapshot();
        for (int table = 0; table < ROLL_UPS.size(); table++) {
            assertThat(readBack.get(table)).as(ROLL_UPS.get(table)).containsExactlyInAnyOrderElementsOf(asWritten.get(table));
        }
    }

    /** The share of the organisation's completed steps whose completion had an update in its round. */
    private double updateRate(String organisation) {
        Map<String, Object> row = jdbc.queryForMap("SELECT COUNT(*) AS completed, SUM(CASE WHEN announced THEN 1 ELSE 0 END) "
                + "AS announced FROM insight_step WHERE organisation = ? AND outcome = 'completed'", organisation);
        return ((Number) row.get("announced")).doubleValue() / ((Number) row.get("completed")).doubleValue();
    }

    private List<List<Map<String, Object>>> snapshot() {
        return ROLL_UPS.stream().map(jdbc::queryForList).toList();
    }
}
