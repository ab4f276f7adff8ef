package org.onestop.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.access.StaffAccounts;
import org.onestop.access.StaffRole;
import org.onestop.cases.Cases;
import org.onestop.cases.StepState;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.intake.Channel;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Principal;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.platform.EventLog;
import org.onestop.testing.ApiClient;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The inbox's HTTP behaviour: who may use it, CSRF on its forms, and what it records. */
@OneStopTest
@DirtiesContext
@TestPropertySource(properties = "onestop.test.suite=inbox-pages")
class InboxPagesTests {

    static final String PASSWORD = "operator-password-1";

    @Autowired
    WebApplicationContext context;
    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    SubmittingApplication intake;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    Cases cases;
    @Autowired
    EventLog eventLog;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        DemoNetworkFixture.load(definitions);
        for (String[] operator : new String[][] {{"registry-desk", "business-registry"}, {"bank-desk", "northbank"}}) {
            if (accounts.find(operator[0]).isEmpty()) {
                accounts.create(operator[0], PASSWORD, StaffRole.OPERATOR, operator[1]);
            }
        }
    }

    @Test
    void a_manager_is_told_the_inbox_is_for_operators_and_has_no_inbox_link() throws Exception {
        MockHttpSession manager = signIn(ApiClient.MANAGER, ApiClient.MANAGER_PASSWORD);
        mvc.perform(get("/console/inbox").session(manager)).andExpect(status().isForbidden())
                .andExpect(content().string(allOf(containsString("The inbox is for operators"),
                        not(containsString("href=\"/console/inbox\"")))));
        UUID id = submit("Managed Ltd");
        mvc.perform(get("/console/inbox/" + id + "/register-company").session(manager)).andExpect(status().isForbidden());
        assertThat(eventLog.ofCase(id)).extracting(e -> e.type()).doesNotContain("data-viewed");
    }

    @Test
    void an_operator_has_an_inbox_link_and_sees_its_work() throws Exception {
        UUID id = submit("Listed Ltd");
        String reference = cases.find(id).orElseThrow().reference();
        MockHttpSession operator = signIn("registry-desk", PASSWORD);
        mvc.perform(get("/console").session(operator)).andExpect(content().string(containsString("href=\"/console/inbox\"")));
        mvc.perform(get("/console/inbox").session(operator)).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString(reference), containsString("href=\"/console/inbox/" + id + "/register-company\""),
                containsString("Register the company"), not(containsString("Open a business account")))));
    }

    @Test
    void the_step_forms_are_refused_without_the_csrf_token() throws Exception {
        UUID id = submit("Forged Ltd");
        MockHttpSession operator = signIn("registry-desk", PASSWORD);
        String step = "/console/inbox/" + id + "/register-company";

        mvc.perform(post(step + "/start").session(operator)).andExpect(status().isForbidden());
        mvc.perform(post(step + "/complete").param("output-registryNumber", "12345678").session(operator))
                .andExpect(status().isForbidden());
        mvc.perform(post(step + "/reject").param("reason", "forged").session(operator)).andExpect(status().isForbidden());
        assertThat(cases.find(id).orElseThrow().step("register-company").orElseThrow().state()).isEqualTo(StepState.READY);

        mvc.perform(post(step + "/start").session(operator).with(csrf())).andExpect(redirectedUrl(step));
        assertThat(cases.find(id).orElseThrow().step("register-company").orElseThrow().state())
                .isEqualTo(StepState.IN_PROGRESS);
    }

    @Test
    void an_operator_may_not_act_on_another_organisations_step_nor_see_an_unknown_case() throws Exception {
        UUID id = submit("Elsewhere Ltd");
        MockHttpSession bank = signIn("bank-desk", PASSWORD);
        String step = "/console/inbox/" + id + "/register-company";
        mvc.perform(get(step).session(bank)).andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("Page not found"), not(containsString("Elsewhere Ltd")))));
        mvc.perform(post(step + "/complete").param("output-registryNumber", "12345678").session(bank).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(step + "/reject").param("reason", "not ours").session(bank).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(cases.find(id).orElseThrow().step("register-company").orElseThrow().state()).isEqualTo(StepState.READY);
        mvc.perform(get("/console/inbox/" + UUID.randomUUID() + "/register-company").session(bank))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/inbox/not-a-case/register-company").session(bank)).andExpect(status().isNotFound());
    }

    @Test
    void every_display_of_the_step_is_recorded_as_a_data_view() throws Exception {
        UUID id = submit("Watched Ltd");
        MockHttpSession operator = signIn("registry-desk", PASSWORD);
        mvc.perform(get("/console/inbox/" + id + "/register-company").session(operator)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Watched Ltd")));
        mvc.perform(post("/console/inbox/" + id + "/register-company/complete").param("output-registryNumber", "x")
                .session(operator).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Registry number must be 8 digits")));
        assertThat(eventLog.ofCase(id)).filteredOn(e -> e.type().equals("data-viewed")).hasSize(2);
    }

    @Test
    void a_refused_action_is_explained_in_the_error_summary() throws Exception {
        UUID id = submit("Twice Ltd");
        MockHttpSession operator = signIn("registry-desk", PASSWORD);
        String step = "/console/inbox/" + id + "/register-company";
        mvc.perform(post(step + "/start").session(operator).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post(step + "/start").session(operator).with(csrf())).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("govuk-error-summary"),
                        containsString("is in progress and cannot become in progress"))));
    }

    private MockHttpSession signIn(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/sign-in").user(username).password(password))
                .andExpect(redirectedUrl("/console")).andReturn().getRequest().getSession(false);
    }

    private UUID submit(String businessName) {
        Submission submission = intake.submit(new NewApplication(DemoNetworkFixture.SERVICE,
                new Principal(Principal.Kind.PERSON, "P-2", "Ada"), DemoNetworkFixture.form(businessName, "southport"),
                Channel.PORTAL, null, "applicant", null));
        return ((Submission.Accepted) submission).receipt().id();
    }
}
