package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.cases.StepState.COMPLETED;
import static org.onestop.cases.StepState.CORRECTION_REQUESTED;
import static org.onestop.cases.StepState.IN_PROGRESS;
import static org.onestop.cases.StepState.READY;
import static org.onestop.cases.StepState.REJECTED;
import static org.onestop.cases.StepState.WAITING;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepStateTests {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "WAITING, READY, true", "WAITING, IN_PROGRESS, false", "WAITING, COMPLETED, false", "WAITING, REJECTED, false",
            "READY, IN_PROGRESS, true", "READY, COMPLETED, true", "READY, REJECTED, true", "READY, WAITING, false",
            "IN_PROGRESS, COMPLETED, true", "IN_PROGRESS, REJECTED, true", "IN_PROGRESS, READY, false",
            "IN_PROGRESS, WAITING, false",
            "COMPLETED, READY, false", "COMPLETED, REJECTED, false", "COMPLETED, IN_PROGRESS, false",
            "REJECTED, READY, false", "REJECTED, COMPLETED, false", "REJECTED, IN_PROGRESS, false",
            // sent back to the applicant, and ready again once corrected
            "READY, CORRECTION_REQUESTED, true", "IN_PROGRESS, CORRECTION_REQUESTED, true",
            "WAITING, CORRECTION_REQUESTED, false", "COMPLETED, CORRECTION_REQUESTED, false",
            "REJECTED, CORRECTION_REQUESTED, false",
            "CORRECTION_REQUESTED, READY, true", "CORRECTION_REQUESTED, IN_PROGRESS, false",
            "CORRECTION_REQUESTED, COMPLETED, false", "CORRECTION_REQUESTED, REJECTED, false",
            "CORRECTION_REQUESTED, WAITING, false", "CORRECTION_REQUESTED, CORRECTION_REQUESTED, false"})
    void each_transition_is_allowed_or_refused_as_the_table_says(StepState from, StepState to, boolean allowed) {
        assertThat(from.canBecome(to)).isEqualTo(allowed);
    }

    @org.junit.jupiter.api.Test
    void only_completed_and_rejected_are_ends() {
        assertThat(COMPLETED.ended()).isTrue();
        assertThat(REJECTED.ended()).isTrue();
        assertThat(WAITING.ended() || READY.ended() || IN_PROGRESS.ended() || CORRECTION_REQUESTED.ended()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void a_step_waiting_for_a_correction_is_written_correction_requested_in_json() {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        assertThat(json.writeValueAsString(CORRECTION_REQUESTED)).isEqualTo("\"correction-requested\"");
        assertThat(json.readValue("\"correction-requested\"", StepState.class)).isEqualTo(CORRECTION_REQUESTED);
    }
}
