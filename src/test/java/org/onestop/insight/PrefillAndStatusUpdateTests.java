package org.onestop.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.platform.InvalidInput;
import org.onestop.platform.Violation;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The prefilled share and the status-updated share on a hand-built log of nine cases in May 2025,
 * whose right answers are worked out here. The reader takes five events per batch, so that cases
 * cross batch boundaries.
 * <pre>
 * P1 portal   person   self   prefilled twice (counts once); 4 steps completed, each with an update from its
 *                             organisation after it became ready: completed 5 May               updated
 * P2 api      business agent  a member's own registry query of the case (no prefill); registration updated;
 *                             the licence's only update came from the registry, not the municipality:
 *                             completed 6 May                                                   not updated
 * P3 portal   person   self   prefilled, attributed a second after midnight on 1 June (counts on 31 May, the day
 *                             of submission); rejected at registration, the only step: no milestone   left out
 * P4 assisted business self   registration updated in round 1, sent back for correction, redone in round 2
 *                             without an update; licence updated: completed 10 May              not updated
 * P5 paper    business self   registration updated in round 1 and again in round 2: completed 11 May   updated
 * P6 portal   person   self   registration updated and completed, then withdrawn 12 May        updated
 * P7 portal   person   self   withdrawn 13 May before any step completed                       left out
 * P8 api      business agent  registration completed; its update came only after the completion: completed
 *                             14 May                                                            not updated
 * P9 portal   person   self   prefilled; registration updated; completed 2 June: counts in June     updated
 * </pre>
 * May: 9 submitted, 3 prefilled (P1, P3, P9): 1/3. Cases that ended with milestones: P1, P2, P4, P5, P6,
 * P8; updated P1, P5, P6: 1/2. Portal: 5 submitted, 3 prefilled (0.6); ended with milestones P1, P6, both
 * updated (1.0). Through an intermediary (P2, P8): none prefilled (0), none updated (0). Businesses
 * (P2, P4, P5, P8): 1 of 4 updated (0.25). June: P9 alone, updated (1.0); nothing submitted (no prefilled share).
 */
@OneStopTest
@TestPropertySource(properties = "onestop.insight.batch=5")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrefillAndStatusUpdateTests {

    static final String SERVICE = "start-a-business";
    static final LocalDate FROM = LocalDate.parse("2025-05-01");
    static final LocalDate TO = LocalDate.parse("2025-05-31");
    static final String REGISTRY = "business-registry";
    static final String TAX = "tax-agency";
    static final String NORTHFIELD = "municipality-northfield";
    static final String BANK = "northbank";
    static final String ACCOUNTANTS = "ledgerwise-accountants";
    static final String REGISTER = "register-company";
    static final String LICENCE = "trading-licence";

    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Performance performance;
    @Autowired
    PublicValue publicValue;

    HandBuiltLog log;

    @BeforeAll
    void handBuiltLog() {
        DemoNetworkFixture.load(definitions);
        log = new HandBuiltLog(jdbc);

        UUID p1 = log.submittedBy("2025-05-02T09:00:00Z", "portal", "person", null);
        attributed("2025-05-02T09:00:01Z", p1);
        attributed("2025-05-02T09:00:01Z", p1);
        ready("2025-05-02T09:00:00Z", p1, REGISTER, REGISTRY);
        ready("2025-05-02T09:00:00Z", p1, LICENCE, NORTHFIELD);
        update("2025-05-02T10:00:00Z", p1, REGISTER, REGISTRY);
        log.step("2025-05-02T12:00:00Z", "completed", p1, REGISTER, REGISTRY);
        ready("2025-05-02T12:00:00Z", p1, "tax-number", TAX);
        ready("2025-05-02T12:00:00Z", p1, "business-account", BANK);
        log.step("2025-05-03T08:00:00Z", "started", p1, "tax-number", TAX);
        update("2025-05-03T09:00:00Z", p1, "tax-number", TAX);
        log.step("2025-05-03T10:00:00Z", "completed", p1, "tax-number", TAX);
        update("2025-05-03T11:00:00Z", p1, LICENCE, NORTHFIELD);
        log.step("2025-05-04T10:00:00Z", "completed", p1, LICENCE, NORTHFIELD);
        update("2025-05-05T08:00:00Z", p1, "business-account", BANK);
        log.step("2025-05-05T09:00:00Z", "completed", p1, "business-account", BANK);
        log.caseEnded("2025-05-05T09:00:00Z", p1, "completed");

        UUID p2 = log.submittedBy("2025-05-03T09:00:00Z", "api", "business", ACCOUNTANTS);
        log.event("2025-05-03T09:30:00Z", "registry-queried", p2, REGISTER, REGISTRY, "api",
                Map.of("provider", "address-register", "service", "address-lookup", "outcome", "answered"));
        ready("2025-05-03T09:00:00Z", p2, REGISTER, REGISTRY);
        ready("2025-05-03T09:00:00Z", p2, LICENCE, NORTHFIELD);
        update("2025-05-03T10:00:00Z", p2, REGISTER, REGISTRY);
        log.step("2025-05-03T11:00:00Z", "completed", p2, REGISTER, REGISTRY);
        update("2025-05-04T10:00:00Z", p2, LICENCE, REGISTRY); // another organisation's word: does not count
        log.step("2025-05-06T10:00:00Z", "completed", p2, LICENCE, NORTHFIELD);
        log.caseEnded("2025-05-06T10:00:00Z", p2, "completed");

        UUID p3 = log.submittedBy("2025-05-31T23:59:59Z", "portal", "person", null);
        attributed("2025-06-01T00:00:01Z", p3);
        ready("2025-06-01T00:00:01Z", p3, REGISTER, REGISTRY);
        update("2025-06-01T08:00:00Z", p3, REGISTER, REGISTRY);
        log.event("2025-06-01T09:00:00Z", "step-rejected", p3, REGISTER, REGISTRY, null,
                Map.of("reason", "Name taken", "final", true));
        log.caseEnded("2025-06-01T09:00:00Z", p3, "rejected");

        UUID p4 = log.submittedBy("2025-05-05T09:00:00Z", "assisted", "business", null);
        ready("2025-05-05T09:00:00Z", p4, REGISTER, REGISTRY);
        ready("2025-05-05T09:00:00Z", p4, LICENCE, NORTHFIELD);
        update("2025-05-05T10:00:00Z", p4, REGISTER, REGISTRY);
        correction("2025-05-05T11:00:00Z", p4);
        readyAgain("2025-05-07T09:00:00Z", p4);
        log.step("2025-05-08T09:00:00Z", "completed", p4, REGISTER, REGISTRY);
        update("2025-05-09T09:00:00Z", p4, LICENCE, NORTHFIELD);
        log.step("2025-05-10T09:00:00Z", "completed", p4, LICENCE, NORTHFIELD);
        log.caseEnded("2025-05-10T09:00:00Z", p4, "completed");

        UUID p5 = log.submittedBy("2025-05-06T09:00:00Z", "paper", "business", null);
        ready("2025-05-06T09:00:00Z", p5, REGISTER, REGISTRY);
        update("2025-05-06T10:00:00Z", p5, REGISTER, REGISTRY);
        correction("2025-05-06T11:00:00Z", p5);
        readyAgain("2025-05-08T09:00:00Z", p5);
        update("2025-05-09T09:00:00Z", p5, REGISTER, REGISTRY);
        log.step("2025-05-11T09:00:00Z", "completed", p5, REGISTER, REGISTRY);
        log.caseEnded("2025-05-11T09:00:00Z", p5, "completed");

        UUID p6 = log.submittedBy("2025-05-07T09:00:00Z", "portal", "person", null);
        ready("2025-05-07T09:00:00Z", p6, REGISTER, REGISTRY);
        ready("2025-05-07T09:00:00Z", p6, LICENCE, NORTHFIELD);
        update("2025-05-07T10:00:00Z", p6, REGISTER, REGISTRY);
        log.step("2025-05-08T10:00:00Z", "completed", p6, REGISTER, REGISTRY);
        log.caseEnded("2025-05-12T10:00:00Z", p6, "withdrawn");

        UUID p7 = log.submittedBy("2025-05-08T09:00:00Z", "portal", "person", null);
        ready("2025-05-08T09:00:00Z", p7, REGISTER, REGISTRY);
        update("2025-05-08T10:00:00Z", p7, REGISTER, REGISTRY);
        log.caseEnded("2025-05-13T10:00:00Z", p7, "withdrawn");

        UUID p8 = log.submittedBy("2025-05-09T09:00:00Z", "api", "business", ACCOUNTANTS);
        ready("2025-05-09T09:00:00Z", p8, REGISTER, REGISTRY);
        log.step("2025-05-10T09:00:00Z", "completed", p8, REGISTER, REGISTRY);
        update("2025-05-10T10:00:00Z", p8, REGISTER, REGISTRY); // too late: the milestone was not announced
        log.caseEnded("2025-05-14T09:00:00Z", p8, "completed");

        UUID p9 = log.submittedBy("2025-05-20T09:00:00Z", "portal", "person", null);
        attributed("2025-05-20T09:00:01Z", p9);
        ready("2025-05-20T09:00:00Z", p9, REGISTER, REGISTRY);
        update("2025-05-25T09:00:00Z", p9, REGISTER, REGISTRY);
        log.step("2025-06-02T09:00:00Z", "completed", p9, REGISTER, REGISTRY);
        log.caseEnded("2025-06-02T09:00:00Z", p9, "completed");

        performance.refresh();
    }


    /** The portal's look-up, attributed to the application when it was submitted. */
    void attributed(String time, UUID caseId) {
        log.event(time, "registry-query-attributed", caseId, null, null, "portal", Map.of("provider", "address-register",
                "service", "address-lookup", "requester", "portal", "outcome", "answered", "query", UUID.randomUUID().toString()));
    }

    void ready(String time, UUID caseId, String step, String organisation) {
        log.ready(time, caseId, step, organisation, "2025-07-01T00:00:00Z");
    }

    void update(String time, UUID caseId, String step, String organisation) {
        log.event(time, "applicant-updated", caseId, step, organisation, null,
                Map.of("message", "How it goes", "round", 1, "update", UUID.randomUUID().toString()));
    }

    /** The registry sends the registration back for correction, as the platform writes it live. */
    void correction(String time, UUID caseId) {
        log.event(time, "step-rejected", caseId, REGISTER, REGISTRY, null,
                Map.of("reason", "Spell the name as in your documents", "final", false, "fields", List.of("business.name")));
        log.event(time, "application-corrected", caseId, null, null, "portal", Map.of("revision", 2));
    }

    void readyAgain(String time, UUID caseId) {
        log.event(time, "step-ready", caseId, REGISTER, REGISTRY, null, Map.of("deadline", "2025-07-01T00:00:00Z", "round", 2));
    }

    ServiceKpis kpis(LocalDate from, LocalDate to, Segment segment) {
        return performance.kpis(SERVICE, from, to, Granularity.MONTH, segment).stream()
                .filter(k -> k.channel().equals(ServiceKpis.ALL_CHANNELS)).findFirst().orElseThrow();
    }

    @Test
    void the_prefilled_share_counts_each_submitted_case_once_on_its_day_of_submission() {
        ServiceKpis may = kpis(FROM, TO, Segment.ALL);
        assertThat(may.submitted()).isEqualTo(9);
        assertThat(may.prefilled()).as("P1 (twice, once), P3 (attributed in June), P9").isEqualTo(3);
        assertThat(may.prefilledShare()).isCloseTo(1.0 / 3, within(1e-9));
        // by day: P3's attribution came after midnight, yet it counts on 31 May
        ServiceKpis lastDay = performance.kpis(SERVICE, TO, TO, Granularity.DAY).stream()
                .filter(k -> k.channel().equals(ServiceKpis.ALL_CHANNELS)).findFirst().orElseThrow();
        assertThat(lastDay.prefilled()).isEqualTo(1);
        assertThat(lastDay.submitted()).isEqualTo(1);
        // June: nothing submitted, so no share, whatever was attributed then
        ServiceKpis june = kpis(LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-30"), Segment.ALL);
        assertThat(june.prefilled()).isZero();
        assertThat(june.prefilledShare()).isNull();

        assertThat(kpis(FROM, TO, new Segment("portal", null, null)).prefilledShare()).isCloseTo(0.6, within(1e-9));
        assertThat(kpis(FROM, TO, new Segment(null, null, "intermediary")).prefilledShare()).isCloseTo(0.0, within(1e-9));
        assertThat(kpis(FROM, TO, new Segment("paper", null, null)).prefilledShare()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void a_case_counts_as_updated_when_every_completed_step_had_an_update_from_its_organisation_in_its_last_round() {
        ServiceKpis may = kpis(FROM, TO, Segment.ALL);
        assertThat(may.milestoneCases()).as("P1, P2, P4, P5, P6 (withdrawn after a milestone), P8").isEqualTo(6);
        assertThat(may.updatedCases()).as("P1, P5, P6").isEqualTo(3);
        assertThat(may.statusUpdatedShare()).isCloseTo(0.5, within(1e-9));

        ServiceKpis june = kpis(LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-30"), Segment.ALL);
        assertThat(june.milestoneCases()).as("P9; P3 was rejected without a milestone").isEqualTo(1);
        assertThat(june.statusUpdatedShare()).isCloseTo(1.0, within(1e-9));

        assertThat(kpis(FROM, TO, new Segment("portal", null, null)).statusUpdatedShare()).isCloseTo(1.0, within(1e-9));
        assertThat(kpis(FROM, TO, new Segment(null, null, "intermediary")).statusUpdatedShare()).isCloseTo(0.0, within(1e-9));
        ServiceKpis businesses = kpis(FROM, TO, new Segment(null, "business", null));
        assertThat(businesses.milestoneCases()).isEqualTo(4);
        assertThat(businesses.statusUpdatedShare()).isCloseTo(0.25, within(1e-9));
        // the redone registration: P4 (no update in round 2) is not updated, P5 (one in each round) is
        assertThat(kpis(FROM, TO, new Segment("assisted", null, null)).statusUpdatedShare()).isCloseTo(0.0, within(1e-9));
        assertThat(kpis(FROM, TO, new Segment("paper", null, null)).statusUpdatedShare()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void both_measures_bind_to_indicators_for_all_applicants_or_a_segment() {
        List<PublicValueIndicator> before = publicValue.indicators();
        try {
            definitions.changePublicValue(List.of(
                    indicator("prefilled", "prefilled-share", "efficiency", 0.2, 0.5, null),
                    indicator("portal-prefilled", "prefilled-share", "efficiency", 0.7, 0.9, new Segment("portal", null, null)),
                    indicator("updated", "status-updated-share", "transparency and openness", 0.4, 0.8, null),
                    indicator("agents-updated", "status-updated-share", "transparency and openness", 0.3, 0.8,
                            new Segment(null, null, "intermediary"))), "prefilled", "added", "manager");
            Map<String, IndicatorReading> readings = new HashMap<>();
            publicValue.read(FROM, TO).forEach(r -> readings.put(r.indicator().code(), r));
            assertThat(readings.get("prefilled").latest()).isCloseTo(1.0 / 3, within(1e-9));
            assertThat(readings.get("prefilled").status()).isEqualTo("improving");
            assertThat(readings.get("portal-prefilled").latest()).isCloseTo(0.6, within(1e-9));
            assertThat(readings.get("portal-prefilled").wrongWay()).isTrue();
            assertThat(readings.get("updated").latest()).isCloseTo(0.5, within(1e-9));
            assertThat(readings.get("updated").status()).isEqualTo("improving");
            assertThat(readings.get("agents-updated").latest()).isCloseTo(0.0, within(1e-9));
            assertThat(readings.get("agents-updated").status()).isEqualTo("worse than baseline");
            assertThat(readings.get("agents-updated").wrongWay()).isTrue();
        } finally {
            publicValue.declare(before);
        }
        // shares are written between 0 and 1
        assertThatThrownBy(() -> definitions.changePublicValue(List.of(
                indicator("updated", "status-updated-share", "transparency and openness", 40.0, 0.8, null)),
                "updated", "added", "manager"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::path)
                        .containsExactly("publicValue[0].baseline"));
    }

    PublicValueIndicator indicator(String code, String metric, String dimension, Double baseline, Double target,
            Segment segment) {
        return new PublicValueIndicator(code, code, "applicants", dimension, SERVICE, metric, "higher", baseline, target,
                segment);
    }
}
