package org.onestop.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.cases.Cases;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.intake.Channel;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Principal;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.platform.EventLog;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@OneStopTest
class OverdueStepsTests {

    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    SubmittingApplication intake;
    @Autowired
    OverdueSteps overdueSteps;
    @Autowired
    Cases cases;
    @Autowired
    EventLog eventLog;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_step_past_its_deadline_is_flagged_overdue_once() {
        DemoNetworkFixture.load(definitions);
        Submission submission = intake.submit(new NewApplication(DemoNetworkFixture.SERVICE,
                new Principal(Principal.Kind.PERSON, "P-LATE", "Late Applicant"),
                DemoNetworkFixture.form("Late Ltd", "northfield"), Channel.PORTAL, null, "applicant", null));
        UUID id = ((Submission.Accepted) submission).receipt().id();
        jdbc.sql("UPDATE case_step SET deadline = ? WHERE case_id = ? AND step = 'register-company'")
                .params(Timestamp.from(Instant.now().minusSeconds(60)), id).update();

        overdueSteps.flag();
        overdueSteps.flag();

        assertThat(eventLog.ofCase(id)).filteredOn(e -> e.type().equals("step-overdue"))
                .singleElement().satisfies(e -> assertThat(e.step()).isEqualTo("register-company"));
        assertThat(cases.find(id).orElseThrow().step("register-company").orElseThrow().overdueAt(Instant.now())).isTrue();
    }
}
