package org.onestop.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.cases.StepResult;
import org.onestop.cases.WorkingOnCases;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.intake.Channel;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Principal;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.json.JsonMapper;

/**
 * A step sent back for correction on the live platform and then completed counts as rework, as
 * the generated history's corrections do: the roll-ups read the same events either way.
 */
@OneStopTest
class LiveReworkTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    SubmittingApplication intake;
    @Autowired
    WorkingOnCases work;
    @Autowired
    Performance performance;
    @Autowired
    Clock clock;

    @Test
    void a_live_correction_is_rework_and_not_first_time_right() {
        DemoNetworkFixture.load(definitions);
        // other tests may share this database: what these two cases add is measured
        long[] before = counts("register-company");
        long[] licenceBefore = counts("trading-licence");
        UUID corrected = submit("Corrected Ltd");
        UUID straight = submit("Straight Ltd");
        assertThat(work.askForCorrection(corrected, "register-company", "Spell the name as on your deed",
                List.of("business.name"), "business-registry", "registrar")).isInstanceOf(StepResult.Done.class);
        assertThat(work.correct(corrected, DemoNetworkFixture.form("Correct Ltd", "northfield"), "applicant"))
                .isInstanceOf(StepResult.Done.class);
        completeAll(corrected);
        completeAll(straight);

        long[] after = counts("register-company");
        long[] licenceAfter = counts("trading-licence");

        assertThat(after[0] - before[0]).as("completed registrations").isEqualTo(2);
        assertThat(after[1] - before[1]).as("reworked registrations").isEqualTo(1);
        assertThat(licenceAfter[0] - licenceBefore[0]).as("completed licences").isEqualTo(2);
        assertThat(licenceAfter[1] - licenceBefore[1]).as("reworked licences").isZero();
        if (before[0] == 0) {
            assertThat(step("register-company").firstTimeRight()).isCloseTo(0.5, within(1e-9));
        }
    }

    /** Completed and reworked steps of the service ended around today, read after taking in the whole log. */
    private long[] counts(String code) {
        performance.refresh();
        StepMetrics metrics = step(code);
        return metrics == null ? new long[] {0, 0} : new long[] {metrics.completed(), metrics.reworked()};
    }

    private StepMetrics step(String code) {
        LocalDate today = LocalDate.now(clock);
        return performance.steps(DemoNetworkFixture.SERVICE, today.minusDays(1), today.plusDays(1)).stream()
                .filter(s -> s.step().equals(code)).findFirst().orElse(null);
    }

    private void completeAll(UUID id) {
        complete(id, "register-company", "business-registry", "{\"registryNumber\": \"87654321\"}");
        complete(id, "trading-licence", "municipality-northfield", "{\"licenceNumber\": \"L-1\"}");
        complete(id, "tax-number", "tax-agency", "{\"taxNumber\": \"T-1\"}");
        complete(id, "business-account", "northbank", "{\"iban\": \"NL91ABNA0417164300\"}");
    }

    private void complete(UUID id, String step, String organisation, String output) {
        assertThat(work.complete(id, step, JSON.readTree(output), organisation, "operator"))
                .as(step).isInstanceOf(StepResult.Done.class);
    }

    private UUID submit(String businessName) {
        Submission submission = intake.submit(new NewApplication(DemoNetworkFixture.SERVICE,
                new Principal(Principal.Kind.PERSON, "P-" + businessName.hashCode(), "Ada Lovelace"),
                DemoNetworkFixture.form(businessName, "northfield"), Channel.PORTAL, null, "applicant", null));
        return ((Submission.Accepted) submission).receipt().id();
    }
}
