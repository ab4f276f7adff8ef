package org.onestop.insight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.insight.GovernanceFit;
import org.onestop.network.ActivityProfile;
import org.onestop.network.Agreement;
import org.onestop.network.GovernanceMode;

class TransactionCostsTests {

    static Agreement agreement(GovernanceMode mode, ActivityProfile activity) {
        return new Agreement("a", "org", "service", List.of("step"), mode, Duration.ofDays(1), null, List.of(), "law",
                LocalDate.parse("2026-01-01"), null, activity);
    }

    @Test
    void a_specific_recurrent_activity_contracted_out_is_misaligned() {
        GovernanceFit fit = TransactionCosts.fit(agreement(GovernanceMode.CONTRACT, new ActivityProfile(5, 3, 5)));
        assertThat(fit.predicted()).isEqualTo("in-house");
        assertThat(fit.aligned()).isFalse();
        assertThat(fit.reason()).contains("High asset specificity");
    }

    @Test
    void a_standard_activity_kept_in_house_is_misaligned_and_one_contracted_is_aligned() {
        assertThat(TransactionCosts.fit(agreement(GovernanceMode.IN_HOUSE, new ActivityProfile(1, 5, 5))).aligned()).isFalse();
        assertThat(TransactionCosts.fit(agreement(GovernanceMode.CONTRACT, new ActivityProfile(2, 1, 5))).aligned()).isTrue();
    }

    @Test
    void specific_but_occasional_or_medium_specificity_suits_a_partnership() {
        assertThat(TransactionCosts.fit(agreement(GovernanceMode.PARTNERSHIP, new ActivityProfile(5, 2, 1))).predicted())
                .isEqualTo("partnership");
        assertThat(TransactionCosts.fit(agreement(GovernanceMode.PARTNERSHIP, new ActivityProfile(3, 5, 5))).predicted())
                .isEqualTo("partnership");
        assertThat(TransactionCosts.fit(agreement(GovernanceMode.IN_HOUSE, new ActivityProfile(4, 5, 1))).predicted())
                .isEqualTo("in-house");
    }

    @Test
    void without_a_profile_nothing_is_predicted() {
        assertThat(TransactionCosts.fit(agreement(GovernanceMode.CONTRACT, null)).aligned()).isTrue();
    }
}
