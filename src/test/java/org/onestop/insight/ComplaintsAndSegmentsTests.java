package org.onestop.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onestop.definition.DefinitionFormat;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.platform.InvalidInput;
import org.onestop.platform.Violation;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Complaints and appeals per 1,000 cases and KPIs by segment, on a hand-built log of six cases in
 * June 2025 whose right answers are worked out here. The reader takes seven events per batch, so
 * that cases cross batch boundaries.
 * <pre>
 * S1 portal   person   self          journey j1; completed 5 June; complaint 6 June; rated 5
 * S2 api      business intermediary  rejected 4 June; appeal against register-company 7 June; rated 2
 * S3 bulk     business intermediary  completed 8 June
 * S4 portal   person   self          journey j4; withdrawn 9 June; complaint 10 June
 * S5 assisted business self          rejected 10 June; appeal and complaint 12 June
 * S6 paper    business self          completed 11 June
 * </pre>
 * All: 6 submitted, 3 complaints (500 per 1,000), 2 appeals (333.3), together 833.3.
 * Businesses (S2, S3, S5, S6): 4 submitted, 1 complaint and 2 appeals (750 per 1,000); 4 outcomes of
 * which 2 rejected (rejected share 0.5); 3 of 4 digital (take-up 0.75).
 * Through an intermediary (S2, S3): 1 appeal in 2 (500 per 1,000); satisfaction 0 of 1.
 * Persons applying themselves (S1, S4): 2 complaints in 2 (1,000 per 1,000); 1 completed, 1 withdrawn.
 * Portal channel: 2 journeys started, 1 completed (completion rate 0.5).
 */
@OneStopTest
@TestPropertySource(properties = "onestop.insight.batch=7")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintsAndSegmentsTests {

    static final String SERVICE = "start-a-business";
    static final LocalDate FROM = LocalDate.parse("2025-06-01");
    static final LocalDate TO = LocalDate.parse("2025-06-30");
    static final String REGISTRY = "business-registry";
    static final String ACCOUNTANTS = "ledgerwise-accountants";

    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Performance performance;
    @Autowired
    PublicValue publicValue;
    @Autowired
    Complaints complaints;

    HandBuiltLog log;

    @BeforeAll
    void handBuiltLog() {
        DemoNetworkFixture.load(definitions);
        log = new HandBuiltLog(jdbc);
        log.started("2025-06-02T08:00:00Z", "j1");
        UUID s1 = log.submittedBy("2025-06-02T09:00:00Z", "portal", "person", null);
        log.caseEnded("2025-06-05T09:00:00Z", s1, "completed");
        complaint("2025-06-06T09:00:00Z", s1);
        log.rated("2025-06-06T10:00:00Z", s1, 5);

        UUID s2 = log.submittedBy("2025-06-02T10:00:00Z", "api", "business", ACCOUNTANTS);
        log.ready("2025-06-02T10:00:00Z", s2, "register-company", REGISTRY, "2025-06-05T10:00:00Z");
        log.step("2025-06-04T10:00:00Z", "rejected", s2, "register-company", REGISTRY);
        log.caseEnded("2025-06-04T10:00:00Z", s2, "rejected");
        appeal("2025-06-07T10:00:00Z", s2);
        log.rated("2025-06-07T11:00:00Z", s2, 2);

        UUID s3 = log.submittedBy("2025-06-03T10:00:00Z", "bulk", "business", ACCOUNTANTS);
        log.caseEnded("2025-06-08T10:00:00Z", s3, "completed");

        log.started("2025-06-04T08:00:00Z", "j4");
        UUID s4 = log.submittedBy("2025-06-04T09:00:00Z", "portal", "person", null);
        log.caseEnded("2025-06-09T09:00:00Z", s4, "withdrawn");
        complaint("2025-06-10T09:00:00Z", s4);

        UUID s5 = log.submittedBy("2025-06-05T09:00:00Z", "assisted", "business", null);
        log.caseEnded("2025-06-10T09:00:00Z", s5, "rejected");
        appeal("2025-06-12T09:00:00Z", s5);
        complaint("2025-06-12T09:30:00Z", s5);

        UUID s6 = log.submittedBy("2025-06-06T09:00:00Z", "paper", "business", null);
        log.caseEnded("2025-06-11T09:00:00Z", s6, "completed");

        performance.refresh();
    }


    void complaint(String time, UUID caseId) {
        log.event(time, "complaint-made", caseId, null, null, "portal",
                Map.of("service", SERVICE, "reference", "R", "text", "Too slow <b>really</b>"));
    }

    void appeal(String time, UUID caseId) {
        log.event(time, "appeal-made", caseId, "register-company", REGISTRY, "portal",
                Map.of("service", SERVICE, "reference", "R", "text", "Please look again"));
    }

    ServiceKpis all(Segment segment) {
        return performance.kpis(SERVICE, FROM, TO, Granularity.MONTH, segment).stream()
                .filter(k -> k.channel().equals(ServiceKpis.ALL_CHANNELS)).findFirst().orElseThrow();
    }

    @Test
    void complaints_and_appeals_are_counted_per_1000_cases_submitted() {
        ServiceKpis month = all(Segment.ALL);
        assertThat(month.submitted()).isEqualTo(6);
        assertThat(month.complaints()).isEqualTo(3);
        assertThat(month.appeals()).isEqualTo(2);
        assertThat(month.complaintsPerThousand()).isCloseTo(500.0, within(1e-9));
        assertThat(month.appealsPerThousand()).isCloseTo(2000.0 / 6, within(1e-9));
        assertThat(month.complaintsAndAppealsPerThousand()).isCloseTo(5000.0 / 6, within(1e-9));
        // by day: complaints count on the day they are made
        List<ServiceKpis> days = performance.kpis(SERVICE, FROM, TO, Granularity.DAY).stream()
                .filter(k -> k.channel().equals(ServiceKpis.ALL_CHANNELS)).toList();
        assertThat(days.stream().filter(k -> k.period().equals("2025-06-12")).findFirst().orElseThrow())
                .extracting(ServiceKpis::complaints, ServiceKpis::appeals).containsExactly(1L, 1L);
        // the unsegmented KPIs are unchanged by the segment columns: portal journeys and other channels' starts
        assertThat(month.started()).isEqualTo(6);
        assertThat(month.completed()).isEqualTo(5);
    }

    @Test
    void kpis_split_by_principal_and_by_representation() {
        ServiceKpis businesses = all(new Segment(null, "business", null));
        assertThat(businesses.submitted()).isEqualTo(4);
        assertThat(businesses.complaintsAndAppealsPerThousand()).isCloseTo(750.0, within(1e-9));
        assertThat(businesses.completed()).isEqualTo(4);
        assertThat(businesses.rejected()).isEqualTo(2);
        assertThat(businesses.digitalTakeUp()).isCloseTo(0.75, within(1e-9));
        // a segment of applicants has no cost: steps are costed per channel
        assertThat(businesses.cost()).isEqualByComparingTo("0");

        ServiceKpis throughIntermediary = all(new Segment(null, null, "intermediary"));
        assertThat(throughIntermediary.submitted()).isEqualTo(2);
        assertThat(throughIntermediary.appeals()).isEqualTo(1);
        assertThat(throughIntermediary.complaintsAndAppealsPerThousand()).isCloseTo(500.0, within(1e-9));
        assertThat(throughIntermediary.userSatisfaction()).isCloseTo(0.0, within(1e-9));

        ServiceKpis personsThemselves = all(new Segment(null, "person", "self"));
        assertThat(personsThemselves.submitted()).isEqualTo(2);
        assertThat(personsThemselves.complaintsPerThousand()).isCloseTo(1000.0, within(1e-9));
        assertThat(personsThemselves.withdrawn()).isEqualTo(1);
        assertThat(personsThemselves.completed()).isEqualTo(1);

        ServiceKpis portal = all(new Segment("portal", null, null));
        assertThat(portal.started()).isEqualTo(2);
        assertThat(portal.completionRate()).isCloseTo(0.5, within(1e-9));
    }

    PublicValueIndicator indicator(String code, String metric, String better, Double baseline, Double target,
            Segment segment) {
        return new PublicValueIndicator(code, code, "applicants", "trust and legitimacy", SERVICE, metric, better,
                baseline, target, segment);
    }

    @Test
    void indicators_bound_to_complaints_and_to_segments_are_measured_and_judged() {
        List<PublicValueIndicator> before = publicValue.indicators();
        try {
            publicValue.declare(List.of(
                    indicator("complaints", "complaints-and-appeals-per-1000-cases", "lower", 900.0, 100.0, null),
                    indicator("business-complaints", "complaints-and-appeals-per-1000-cases", "lower", 500.0, 100.0,
                            new Segment(null, "business", null)),
                    indicator("intermediary-rejected", "rejected-share", "lower", 0.2, 0.1,
                            new Segment(null, null, "intermediary")),
                    indicator("portal-completion", "completion-rate", "higher", 0.4, 0.9, new Segment("portal", null, null)),
                    indicator("business-cost", "cost-per-transaction", "lower", 100.0, 50.0,
                            new Segment(null, "business", null))));
            Map<String, IndicatorReading> readings = new HashMap<>();
            publicValue.read(FROM, TO).forEach(r -> readings.put(r.indicator().code(), r));
            // 833.3 is better (lower) than the baseline of 900
            assertThat(readings.get("complaints").latest()).isCloseTo(5000.0 / 6, within(1e-9));
            assertThat(readings.get("complaints").status()).isEqualTo("improving");
            // businesses: 750 against a baseline of 500, lower is better: the wrong way
            assertThat(readings.get("business-complaints").latest()).isCloseTo(750.0, within(1e-9));
            assertThat(readings.get("business-complaints").wrongWay()).isTrue();
            // S2 rejected, S3 completed: half of the intermediary's outcomes rejected
            assertThat(readings.get("intermediary-rejected").latest()).isCloseTo(0.5, within(1e-9));
            assertThat(readings.get("intermediary-rejected").status()).isEqualTo("worse than baseline");
            assertThat(readings.get("portal-completion").latest()).isCloseTo(0.5, within(1e-9));
            assertThat(readings.get("portal-completion").status()).isEqualTo("improving");
            // cost cannot be measured for a segment of applicants
            assertThat(readings.get("business-cost").status()).isEqualTo("not measured");
        } finally {
            publicValue.declare(before);
        }
    }

    @Test
    void complaints_are_listed_newest_first_and_appeals_per_organisation() {
        List<Complaint> recent = complaints.recent(10);
        assertThat(recent).hasSize(5);
        assertThat(recent.get(0).kind()).isEqualTo("complaint");
        assertThat(recent.get(0).madeAt()).isEqualTo(HandBuiltLog.at("2025-06-12T09:30:00Z"));
        assertThat(recent.get(0).text()).isEqualTo("Too slow <b>really</b>");
        assertThat(complaints.recent(2)).hasSize(2);
        List<Complaint> appeals = complaints.appealsTo(REGISTRY, 10);
        assertThat(appeals).hasSize(2).allSatisfy(a -> {
            assertThat(a.appeal()).isTrue();
            assertThat(a.step()).isEqualTo("register-company");
        });
        assertThat(complaints.appealsTo("northbank", 10)).isEmpty();
    }

    @Test
    void a_segment_in_the_definition_survives_export_and_import() {
        List<PublicValueIndicator> before = publicValue.indicators();
        try {
            List<PublicValueIndicator> scorecard = new ArrayList<>(before);
            scorecard.add(indicator("intermediary-complaints", "complaints-per-1000-cases", "lower", 8.0, 4.0,
                    new Segment("api", "business", "intermediary")));
            definitions.changePublicValue(scorecard, "intermediary-complaints", "added", "manager");
            String yaml = definitions.exportText(DefinitionFormat.YAML);
            assertThat(yaml).contains("intermediary-complaints", "representation: intermediary", "principal: business",
                    "channel: api", "metric: complaints-per-1000-cases");
            publicValue.declare(before);
            definitions.importText(yaml, DefinitionFormat.YAML);
            assertThat(publicValue.indicators()).isEqualTo(scorecard);
            String json = definitions.exportText(DefinitionFormat.JSON);
            publicValue.declare(before);
            definitions.importText(json, DefinitionFormat.JSON);
            assertThat(publicValue.indicators()).isEqualTo(scorecard);
            // the change is recorded with who made it
            assertThat(jdbc.sql("SELECT COUNT(*) FROM event_log WHERE type = 'public-value-changed' AND actor = 'manager'")
                    .query(Long.class).single()).isGreaterThanOrEqualTo(1L);
        } finally {
            publicValue.declare(before);
        }
    }

    @Test
    void the_scorecard_rules_refuse_what_cannot_be_measured() {
        List<PublicValueIndicator> bad = List.of(
                indicator("lead", "case-lead-time-days", "lower", 5.0, 3.0, new Segment("portal", null, null)),
                indicator("cost", "cost-per-transaction", "lower", 5.0, 3.0, new Segment(null, "person", null)),
                indicator("share", "completion-rate", "higher", 75.0, 0.9, null),
                new PublicValueIndicator("elsewhere", "x", "society", "efficiency", "no-such-service", "digital-takeup",
                        "higher", 0.5, 0.6, null),
                indicator("lead", "complaints-per-1000-cases", "lower", 5.0, 3.0, null));
        List<PublicValueIndicator> before = publicValue.indicators();
        assertThatThrownBy(() -> definitions.changePublicValue(bad, "lead", "added", "manager"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::path)
                        .containsExactlyInAnyOrder("publicValue[4].code", "publicValue[0].segment.channel",
                                "publicValue[1].segment", "publicValue[2].baseline", "publicValue[3].service"));
        // the file's schema: an unknown metric, a segment with an unknown principal, a negative target
        String yaml = """
                publicValue:
                  - {code: a, name: A, stakeholder: applicants, dimension: d, service: start-a-business, metric: happiness}
                  - {code: b, name: B, stakeholder: applicants, dimension: d, service: start-a-business, metric: rejected-share,
                     segment: {principal: robot}}
                  - {code: c, name: C, stakeholder: applicants, dimension: d, service: start-a-business, metric: rejected-share,
                     target: -1}
                """;
        assertThatThrownBy(() -> definitions.importText(yaml, DefinitionFormat.YAML))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.violations()).extracting(Violation::path)
                        .contains("publicValue[0].metric", "publicValue[1].segment.principal", "publicValue[2].target"));
        assertThat(publicValue.indicators()).isEqualTo(before);
    }
}
