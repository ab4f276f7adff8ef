package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One case across the demo network's organisations, step by step, on the real database. */
@OneStopTest
class CaseLifecycleTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    SubmittingApplication intake;
    @Autowired
    WorkingOnCases work;
    @Autowired
    Cases cases;
    @Autowired
    EventLog eventLog;
    @Autowired
    org.onestop.intake.Applications applications;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void demoNetwork() {
        DemoNetworkFixture.load(definitions);
    }

    @Test
    void a_submitted_application_opens_a_case_with_ready_and_waiting_steps_routed_by_address() {
        UUID id = submit("Engines Ltd", "southport");
        Case opened = cases.find(id).orElseThrow();

        assertThat(opened.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(opened.step("register-company").orElseThrow().state()).isEqualTo(StepState.READY);
        assertThat(opened.step("trading-licence").orElseThrow().state()).isEqualTo(StepState.READY);
        assertThat(opened.step("trading-licence").orElseThrow().organisation()).isEqualTo("municipality-southport");
        assertThat(opened.step("tax-number").orElseThrow().state()).isEqualTo(StepState.WAITING);
        assertThat(opened.step("register-company").orElseThrow().deadline())
                .isEqualTo(opened.openedAt().plus(java.time.Duration.ofDays(3)));
        assertThat(eventLog.ofCase(id)).extracting(e -> e.type())
                .startsWith("application-submitted", "case-opened").contains("step-ready");
    }

    @Test
    void a_step_that_waits_for_another_gets_its_output_and_becomes_ready_when_it_completes() {
        UUID id = submit("Waiting Ltd", "northfield");
        assertThat(work.complete(id, "tax-number", JSON.readTree("{\"taxNumber\": \"T1\"}"), "tax-agency", "op"))
                .isInstanceOf(StepResult.NotAllowed.class);

        StepResult done = work.complete(id, "register-company", JSON.readTree("{\"registryNumber\": \"12345678\"}"),
                "business-registry", "registrar");

        assertThat(done).isInstanceOf(StepResult.Done.class);
        Case after = ((StepResult.Done) done).after();
        assertThat(after.step("tax-number").orElseThrow().state()).isEqualTo(StepState.READY);
        assertThat(after.step("business-account").orElseThrow().state()).isEqualTo(StepState.READY);
        JsonNode input = work.inputFor(id, "tax-number");
        assertThat(input.path("outputs").path("register-company").path("registryNumber").asString()).isEqualTo("12345678");
        assertThat(input.path("form").path("business").path("name").asString()).isEqualTo("Waiting Ltd");
    }

    @Test
    void an_organisation_sees_only_the_fields_its_agreement_allows() {
        UUID id = submit("Private Ltd", "northfield");
        JsonNode input = work.inputFor(id, "trading-licence");
        assertThat(input.path("form").path("business").has("address")).isTrue();
        assertThat(input.path("form").path("applicant").has("email")).isFalse();
        assertThat(input.path("form").has("banking")).isFalse();
    }

    @Test
    void every_view_of_application_data_by_a_person_is_an_event() {
        UUID id = submit("Viewed Ltd", "northfield");
        JsonNode input = work.viewInput(id, "register-company", "business-registry", "registry-clerk");

        assertThat(input.path("form").path("business").path("name").asString()).isEqualTo("Viewed Ltd");
        assertThat(eventLog.ofCase(id)).filteredOn(e -> e.type().equals("data-viewed")).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("registry-clerk");
                    assertThat(e.organisation()).isEqualTo("business-registry");
                });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> work.viewInput(id, "register-company", "northbank", "x"))
                .isInstanceOf(org.onestop.platform.NotFound.class);
    }

    @Test
    void the_case_completes_when_every_step_is_completed() {
        UUID id = submit("Complete Ltd", "northfield");
        complete(id, "register-company", "business-registry", "{\"registryNumber\": \"87654321\"}");
        complete(id, "trading-licence", "municipality-northfield", "{\"licenceNumber\": \"L-1\"}");
        complete(id, "tax-number", "tax-agency", "{\"taxNumber\": \"T-1\"}");
        assertThat(cases.find(id).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
        complete(id, "business-account", "northbank", "{\"iban\": \"NL91ABNA0417164300\"}");

        Case closed = cases.find(id).orElseThrow();
        assertThat(closed.status()).isEqualTo(CaseStatus.COMPLETED);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(eventLog.ofCase(id)).extracting(e -> e.type()).endsWith("case-completed");
    }

    @Test
    void an_output_that_breaks_the_output_schema_is_refused() {
        UUID id = submit("Invalid Output Ltd", "northfield");
        StepResult result = work.complete(id, "register-company", JSON.readTree("{\"registryNumber\": \"12\"}"),
                "business-registry", "registrar");
        assertThat(result).isInstanceOf(StepResult.Invalid.class);
        assertThat(cases.find(id).orElseThrow().step("register-company").orElseThrow().state()).isEqualTo(StepState.READY);
    }

    @Test
    void only_the_organisation_handling_a_step_may_act_on_it() {
        UUID id = submit("Other Org Ltd", "northfield");
        assertThat(work.start(id, "register-company", "tax-agency", "intruder")).isInstanceOf(StepResult.NotAllowed.class);
        assertThat(work.start(id, "register-company", "business-registry", "registrar")).isInstanceOf(StepResult.Done.class);
        assertThat(cases.find(id).orElseThrow().step("register-company").orElseThrow().state())
                .isEqualTo(StepState.IN_PROGRESS);
    }

    @Test
    void a_rejected_step_rejects_the_case_with_its_reason() {
        UUID id = submit("Rejected Ltd", "northfield");
        StepResult result = work.reject(id, "register-company", "The name is already registered", "business-registry",
                "registrar");
        Case after = ((StepResult.Done) result).after();
        assertThat(after.status()).isEqualTo(CaseStatus.REJECTED);
        assertThat(after.step("register-company").orElseThrow().reason()).isEqualTo("The name is already registered");
        assertThat(work.complete(id, "trading-licence", JSON.readTree("{\"licenceNumber\": \"L\"}"),
                "municipality-northfield", "op")).isInstanceOf(StepResult.NotAllowed.class);
    }

    @Test
    void an_open_application_can_be_withdrawn_once() {
        UUID id = submit("Withdrawn Ltd", "northfield");
        assertThat(work.withdraw(id, "applicant")).isInstanceOf(StepResult.Done.class);
        assertThat(cases.find(id).orElseThrow().status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(work.withdraw(id, "applicant")).isInstanceOf(StepResult.NotAllowed.class);
        assertThat(work.start(id, "register-company", "business-registry", "registrar"))
                .isInstanceOf(StepResult.NotAllowed.class);
    }

    @Test
    void a_step_sent_back_for_correction_waits_for_the_applicant_and_the_case_stays_open() {
        UUID id = submit("Misspelt Ltd", "northfield");
        work.start(id, "register-company", "business-registry", "registrar");

        StepResult result = work.askForCorrection(id, "register-company", "The name differs from your deed",
                List.of("business.name"), "business-registry", "registrar");

        Case after = ((StepResult.Done) result).after();
        CaseStep step = after.step("register-company").orElseThrow();
        assertThat(after.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(step.state()).isEqualTo(StepState.CORRECTION_REQUESTED);
        assertThat(step.reason()).isEqualTo("The name differs from your deed");
        assertThat(step.correction().fields()).containsExactly("business.name");
        assertThat(step.correction().askedAt()).isNotNull();
        assertThat(step.round()).isEqualTo(1);
        assertThat(work.correctableFields(id)).containsExactly("business.name");
        assertThat(cases.workFor("business-registry", 500)).extracting(WorkItem::caseId).doesNotContain(id);
        assertThat(eventLog.ofCase(id)).filteredOn(e -> e.type().equals("step-rejected")).singleElement()
                .satisfies(e -> assertThat(e.attributes()).containsEntry("final", false)
                        .containsEntry("reason", "The name differs from your deed")
                        .containsEntry("fields", List.of("business.name")));
        // the organisation cannot act on it meanwhile, not even to reject it for good
        assertThat(work.reject(id, "register-company", "no", "business-registry", "registrar"))
                .isInstanceOf(StepResult.NotAllowed.class);
        assertThat(work.complete(id, "register-company", JSON.readTree("{\"registryNumber\": \"12345678\"}"),
                "business-registry", "registrar")).isInstanceOf(StepResult.NotAllowed.class);
    }

    @Test
    void the_corrected_answers_make_the_step_ready_again_in_its_next_round_and_the_earlier_answers_are_kept() {
        UUID id = submit("Misspelt Twice Ltd", "northfield");
        work.askForCorrection(id, "register-company", "Spell the name as on your deed", List.of("business.name"),
                "business-registry", "registrar");
        JsonNode before = applications.find(id).orElseThrow().form();

        // a change to an answer nobody asked about is refused, as is an answer the form does not allow
        JsonNode otherField = DemoNetworkFixture.form("Misspelt Twice Ltd", "southport");
        assertThat(work.correct(id, otherField, "applicant")).isInstanceOfSatisfying(StepResult.Invalid.class,
                invalid -> assertThat(invalid.violations()).extracting(v -> v.path())
                        .containsExactly("form.business.address.municipality"));
        JsonNode empty = DemoNetworkFixture.form("", "northfield");
        assertThat(work.correct(id, empty, "applicant")).isInstanceOf(StepResult.Invalid.class);
        assertThat(cases.find(id).orElseThrow().step("register-company").orElseThrow().state())
                .isEqualTo(StepState.CORRECTION_REQUESTED);

        StepResult result = work.correct(id, DemoNetworkFixture.form("Misspelled Twice Ltd", "northfield"), "applicant");

        CaseStep step = ((StepResult.Done) result).after().step("register-company").orElseThrow();
        assertThat(step.state()).isEqualTo(StepState.READY);
        assertThat(step.round()).isEqualTo(2);
        assertThat(step.reason()).isNull();
        assertThat(step.correction()).isNull();
        assertThat(applications.find(id).orElseThrow().form().path("business").path("name").asString())
                .isEqualTo("Misspelled Twice Ltd");
        assertThat(jdbc.sql("SELECT form FROM application_revision WHERE application_id = ? AND revision = 1")
                .param(id).query(String.class).single()).contains("Misspelt Twice Ltd");
        assertThat(JSON.readTree(jdbc.sql("SELECT form FROM application_revision WHERE application_id = ?")
                .param(id).query(String.class).single())).isEqualTo(before);
        assertThat(eventLog.ofCase(id)).filteredOn(e -> e.type().equals("application-corrected")).singleElement()
                .satisfies(e -> assertThat(e.attributes()).containsEntry("revision", 2)
                        .containsEntry("fields", List.of("business.name")));
        assertThat(eventLog.ofCase(id)).filteredOn(e -> e.type().equals("step-ready") && "register-company".equals(e.step()))
                .hasSize(2).last().satisfies(e -> assertThat(e.attributes()).containsEntry("round", 2));
        assertThat(work.correct(id, DemoNetworkFixture.form("Again Ltd", "northfield"), "applicant"))
                .isInstanceOf(StepResult.NotAllowed.class);
        assertThat(work.inputFor(id, "register-company").path("form").path("business").path("name").asString())
                .isEqualTo("Misspelled Twice Ltd");
    }

    @Test
    void a_corrected_address_routes_the_step_sent_back_to_the_municipality_it_now_names() {
        UUID id = submit("Wrong Town Ltd", "northfield");
        assertThat(work.askForCorrection(id, "trading-licence", "The address is in Southport, not in our municipality",
                List.of("business.address.municipality"), "municipality-northfield", "clerk")).isInstanceOf(StepResult.Done.class);

        StepResult result = work.correct(id, DemoNetworkFixture.form("Wrong Town Ltd", "southport"), "applicant");

        CaseStep licence = ((StepResult.Done) result).after().step("trading-licence").orElseThrow();
        assertThat(licence.organisation()).isEqualTo("municipality-southport");
        assertThat(licence.state()).isEqualTo(StepState.READY);
        assertThat(licence.round()).isEqualTo(2);
        assertThat(cases.workFor("municipality-southport", 500)).extracting(WorkItem::caseId).contains(id);
        assertThat(cases.workFor("municipality-northfield", 500)).extracting(WorkItem::caseId).doesNotContain(id);
        assertThat(eventLog.ofCase(id)).filteredOn(e -> e.type().equals("step-rerouted")).singleElement()
                .satisfies(e -> {
                    assertThat(e.step()).isEqualTo("trading-licence");
                    assertThat(e.organisation()).isEqualTo("municipality-southport");
                    assertThat(e.attributes()).containsEntry("from", "municipality-northfield");
                });
        assertThat(eventLog.ofCase(id)).filteredOn(e -> e.type().equals("step-ready") && "trading-licence".equals(e.step()))
                .last().satisfies(e -> assertThat(e.organisation()).isEqualTo("municipality-southport"));
        // the step already with the registry stays there: only steps no organisation holds are routed again
        assertThat(cases.find(id).orElseThrow().step("register-company").orElseThrow().organisation())
                .isEqualTo("business-registry");
    }

    @Test
    void a_correction_may_name_only_fields_the_step_takes_and_naming_none_opens_all_it_takes() {
        UUID id = submit("Fields Ltd", "northfield");
        assertThat(work.askForCorrection(id, "register-company", "Check the employees", List.of("business.employees"),
                "business-registry", "registrar")).isInstanceOf(StepResult.Invalid.class);
        assertThat(work.askForCorrection(id, "register-company", "Check it", List.of("business.address.nowhere"),
                "business-registry", "registrar")).isInstanceOf(StepResult.Invalid.class);
        assertThat(work.askForCorrection(id, "register-company", " ", List.of(), "business-registry", "registrar"))
                .isInstanceOf(StepResult.Invalid.class);

        assertThat(work.askForCorrection(id, "register-company", "Check everything", List.of(), "business-registry",
                "registrar")).isInstanceOf(StepResult.Done.class);
        assertThat(work.correctableFields(id)).containsExactlyInAnyOrder("applicant.fullName", "applicant.email",
                "business.name", "business.legalForm", "business.activity", "business.startDate", "business.address");
    }

    @Test
    void an_application_waiting_for_a_correction_can_still_be_withdrawn() {
        UUID id = submit("Gives Up Ltd", "northfield");
        work.askForCorrection(id, "register-company", "Spell the name as on your deed", List.of("business.name"),
                "business-registry", "registrar");
        assertThat(work.withdraw(id, "applicant")).isInstanceOf(StepResult.Done.class);
        assertThat(cases.find(id).orElseThrow().status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(work.correct(id, DemoNetworkFixture.form("Given Up Ltd", "northfield"), "applicant"))
                .isInstanceOf(StepResult.NotAllowed.class);
    }

    @Test
    void organisations_see_their_ready_work() {
        UUID id = submit("Inbox Ltd", "southport");
        List<WorkItem> work = cases.workFor("municipality-southport", 500);
        assertThat(work).extracting(WorkItem::caseId).contains(id);
        assertThat(cases.workFor("tax-agency", 500)).extracting(WorkItem::caseId).doesNotContain(id);
    }

    private void complete(UUID id, String step, String organisation, String output) {
        assertThat(work.complete(id, step, JSON.readTree(output), organisation, "operator"))
                .as(step).isInstanceOf(StepResult.Done.class);
    }

    private UUID submit(String businessName, String municipality) {
        Submission submission = intake.submit(new NewApplication(DemoNetworkFixture.SERVICE,
                new Principal(Principal.Kind.PERSON, "P-" + businessName.hashCode(), "Ada Lovelace"),
                DemoNetworkFixture.form(businessName, municipality), Channel.PORTAL, null, "applicant", null));
        assertThat(submission).isInstanceOf(Submission.Accepted.class);
        return ((Submission.Accepted) submission).receipt().id();
    }
}
