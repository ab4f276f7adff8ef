package org.onestop.mandates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.mandates.Mandate;
import org.onestop.mandates.MandateDecision;
import org.onestop.mandates.MandateRefusal;
import org.onestop.mandates.MandateStatus;

/** The decision from all the mandates between one agent and one principal, without a database. */
class MandateCheckTests {

    private static final String SERVICE = "start-a-business";
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 12, 31);
    private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

    @Test
    void an_active_mandate_for_the_service_within_its_period_allows() {
        Mandate active = mandate(MandateStatus.ACTIVE, SERVICE, FROM, TO);

        MandateDecision decision = MandateCheck.decide(List.of(active), SERVICE, DAY);

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.mandateId()).isEqualTo(active.id());
    }

    @Test
    void without_any_mandate_the_refusal_is_no_mandate() {
        assertThat(MandateCheck.decide(List.of(), SERVICE, DAY).refusal()).isEqualTo(MandateRefusal.NO_MANDATE);
    }

    @Test
    void a_requested_mandate_is_refused_as_not_confirmed() {
        assertThat(refusal(mandate(MandateStatus.REQUESTED, SERVICE, FROM, TO))).isEqualTo(MandateRefusal.NOT_CONFIRMED);
    }

    @Test
    void an_active_mandate_before_its_first_day_is_refused_as_not_yet_valid() {
        assertThat(refusal(mandate(MandateStatus.ACTIVE, SERVICE, DAY.plusDays(1), TO)))
                .isEqualTo(MandateRefusal.NOT_YET_VALID);
    }

    @Test
    void an_active_mandate_after_its_last_day_is_refused_as_expired_and_its_last_day_still_counts() {
        assertThat(refusal(mandate(MandateStatus.ACTIVE, SERVICE, FROM, DAY.minusDays(1)))).isEqualTo(MandateRefusal.EXPIRED);
        assertThat(MandateCheck.decide(List.of(mandate(MandateStatus.ACTIVE, SERVICE, FROM, DAY)), SERVICE, DAY).allowed())
                .isTrue();
    }

    @Test
    void an_active_mandate_for_other_services_is_refused_as_other_service() {
        assertThat(refusal(mandate(MandateStatus.ACTIVE, "open-a-shop", FROM, TO))).isEqualTo(MandateRefusal.OTHER_SERVICE);
    }

    @Test
    void a_revoked_mandate_is_refused_as_revoked() {
        assertThat(refusal(mandate(MandateStatus.REVOKED, SERVICE, FROM, TO))).isEqualTo(MandateRefusal.REVOKED);
    }

    @Test
    void one_allowing_mandate_among_refused_ones_allows() {
        Mandate allowing = mandate(MandateStatus.ACTIVE, SERVICE, FROM, TO);

        MandateDecision decision = MandateCheck.decide(List.of(mandate(MandateStatus.REVOKED, SERVICE, FROM, TO), allowing,
                mandate(MandateStatus.REQUESTED, SERVICE, FROM, TO)), SERVICE, DAY);

        assertThat(decision.mandateId()).isEqualTo(allowing.id());
    }

    @Test
    void among_refused_mandates_the_one_for_this_service_explains_the_refusal() {
        MandateDecision decision = MandateCheck.decide(List.of(mandate(MandateStatus.ACTIVE, "open-a-shop", FROM, TO),
                mandate(MandateStatus.ACTIVE, SERVICE, FROM, DAY.minusDays(1))), SERVICE, DAY);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.refusal()).isEqualTo(MandateRefusal.EXPIRED);
    }

    private static MandateRefusal refusal(Mandate mandate) {
        MandateDecision decision = MandateCheck.decide(List.of(mandate), SERVICE, DAY);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.mandateId()).isNull();
        return decision.refusal();
    }

    private static Mandate mandate(MandateStatus status, String service, LocalDate from, LocalDate to) {
        return new Mandate(UUID.randomUUID(), "agent", "P-1", List.of(service), from, to, status);
    }
}
