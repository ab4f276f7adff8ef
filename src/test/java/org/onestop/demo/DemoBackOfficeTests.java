package org.onestop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onestop.cases.Case;
import org.onestop.cases.CaseStatus;
import org.onestop.cases.Cases;
import org.onestop.exchange.Deliveries;
import org.onestop.intake.Channel;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Principal;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.network.Organisations;
import org.onestop.network.ReceivingMode;
import org.onestop.query.QueryAnswer;
import org.onestop.query.QueryCall;
import org.onestop.query.RegistryQueries;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

/**
 * With the simulated back offices on (and forced, since the suite also runs on PostgreSQL), a
 * submitted demo case completes by itself within seconds, the bank's refusals retried on the way.
 */
@OneStopTest
@TestPropertySource(properties = {"onestop.demo.enabled=true", "onestop.demo.back-offices.enabled=true",
        "onestop.demo.back-offices.force=true", "onestop.demo.back-offices.bank-failures=1.0",
        "onestop.demo.back-offices.delay=PT0.2S", "onestop.exchange.push.poll=PT0.2S"})
class DemoBackOfficeTests {

    @Autowired
    SubmittingApplication intake;
    @Autowired
    Cases cases;
    @Autowired
    Organisations organisations;
    @Autowired
    RegistryQueries queries;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_submitted_demo_case_completes_by_itself_within_seconds() throws InterruptedException {
        assertThat(organisations.find("northbank").orElseThrow().receiving()).isEqualTo(ReceivingMode.PUSH);
        Submission submission = intake.submit(new NewApplication(DemoNetworkFixture.SERVICE,
                new Principal(Principal.Kind.PERSON, "P-" + UUID.randomUUID(), "Ada Lovelace"),
                DemoNetworkFixture.form("Analytical Engines", "southport"), Channel.PORTAL, null, "applicant", null));
        UUID id = ((Submission.Accepted) submission).receipt().id();

        awaitClosed(id, Duration.ofSeconds(40));
        // read again once closed: Cases.find reads steps and case in two statements, so a read racing the
        // last outcome can see the case closed with that step's output not yet there
        Case done = cases.find(id).orElseThrow();

        assertThat(done.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(done.step("register-company").orElseThrow().output().path("registryNumber").asString()).matches("[0-9]{8}");
        assertThat(done.step("tax-number").orElseThrow().output().path("taxNumber").asString()).startsWith("NL");
        assertThat(done.step("trading-licence").orElseThrow().output().path("licenceNumber").asString()).startsWith("SP-");
        assertThat(done.step("business-account").orElseThrow().output().path("iban").asString()).startsWith("NL").contains("NBNK");
        // the busy bank refused twice before it took the delivery: the retries are in the attempts
        Integer bankAttempts = jdbc.sql("""
                SELECT COUNT(*) FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id
                WHERE d.case_id = ? AND d.organisation = 'northbank'""").param(id).query(Integer.class).single();
        assertThat(bankAttempts).isEqualTo(3);
    }

    @Test
    void the_simulated_address_register_answers_the_portals_look_up_signed() {
        QueryAnswer answer = queries.ask(new QueryCall("portal", "address-register", "address-lookup",
                JsonMapper.builder().build().readTree("{\"postcode\": \"6011 KL\", \"houseNumber\": \"7\"}"), null));

        assertThat(answer.answer().path("postcode").asString()).isEqualTo("6011 KL");
        assertThat(answer.answer().path("street").asString()).endsWith(" 7");
        assertThat(answer.answer().path("municipality").asString()).isEqualTo("southport");
        assertThat(answer.signature()).isNotBlank();
    }

    private Case awaitClosed(UUID id, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        Case current = cases.find(id).orElseThrow();
        while (current.status() == CaseStatus.OPEN && System.nanoTime() < until) {
            Thread.sleep(200);
            current = cases.find(id).orElseThrow();
        }
        return current;
    }
}
