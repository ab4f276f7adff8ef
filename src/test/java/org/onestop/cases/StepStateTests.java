package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.cases.StepState.COMPLETED;
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
            "REJECTED, READY, false", "REJECTED, COMPLETED, false", "REJECTED, IN_PROGRESS, false"})
    void each_transition_is_allowed_or_refused_as_the_table_says(StepState from, StepState to, boolean allowed) {
        assertThat(from.canBecome(to)).isEqualTo(allowed);
    }

    @org.junit.jupiter.api.Test
    void only_completed_and_rejected_are_ends() {
        assertThat(COMPLETED.ended()).isTrue();
        assertThat(REJECTED.ended()).isTrue();
        assertThat(WAITING.ended() || READY.ended() || IN_PROGRESS.ended()).isFalse();
    }
}
