package org.onestop.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.cases.CaseStatus;
import org.onestop.cases.Cases;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.intake.Application;
import org.onestop.platform.EventLog;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The portal's pages as HTML: escaping, limits, CSRF, unknown services, the status check, feedback, withdrawal. */
@OneStopTest
class PortalPagesTests {

    static final String SCRIPT = "<script>alert(1)</script>";

    @Autowired
    WebApplicationContext context;
    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    Cases cases;
    @Autowired
    EventLog events;
    @Autowired
    org.onestop.intake.Applications applications;
    @Autowired
    org.onestop.cases.WorkingOnCases work;

    MockMvc mvc;
    MockHttpSession session;

    @BeforeEach
    void portal() {
        DemoNetworkFixture.load(definitions);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        session = new MockHttpSession();
    }

    @Test
    void lists_services_and_shows_the_start_page_with_steps_and_organisations() throws Exception {
        assertThat(page(get("/"), 200)).contains("Start a business", "href=\"/apply/start-a-business\"");
        assertThat(page(get("/apply/start-a-business"), 200)).contains("Start now", "Business Registry",
                "Northfield Municipality or Southport Municipality", "Register the company");
    }

    @Test
    void an_unknown_service_or_section_is_a_page_not_found() throws Exception {
        assertThat(page(get("/apply/no-such-service"), 404)).contains("Page not found").doesNotContain("console");
        assertThat(page(get("/apply/start-a-business/no-such-section"), 404)).contains("Page not found");
    }

    @Test
    void a_post_without_csrf_token_is_refused() throws Exception {
        mvc.perform(post("/apply/start-a-business/applicant").session(session).param("applicant.fullName", "Ada"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/status").param("reference", "OS-AAAA-BBBB").param("accessCode", "x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void errors_are_written_for_people_and_link_to_the_questions() throws Exception {
        String page = page(post("/apply/start-a-business/applicant").param("applicant.fullName", "")
                .param("applicant.email", "not-an-email"), 200);
        assertThat(page).contains("There is a problem", "href=\"#applicant-fullName\"", "Enter your full name",
                "Enter an email address in the correct format, like name@example.com", "<title>Error: ");
        page = page(post("/apply/start-a-business/business").param("business.name", "A".repeat(161))
                .param("business.startDate.day", "31").param("business.startDate.month", "2").param("business.startDate.year", "2027")
                .param("business.address.postcode", "AB 1234").param("business.employees", "many"), 200);
        assertThat(page).contains("Business name must be 160 characters or fewer", "Select the legal form",
                "Start date must be a real date", "href=\"#business-startDate-day\"", "Postcode must be like 1234 AB",
                "Number of employees must be a whole number", "Enter the street and number", "Select the municipality");
    }

    @Test
    void over_long_fields_and_bodies_get_error_messages_not_a_server_error() throws Exception {
        String page = page(post("/apply/start-a-business/applicant").param("applicant.fullName", "x".repeat(5_000))
                .param("applicant.email", "ada@example.org"), 200);
        assertThat(page).contains("Full name must be 200 characters or fewer").doesNotContain("x".repeat(201));
        page = page(post("/apply/start-a-business/applicant").param("applicant.fullName", "y".repeat(300_000)), 200);
        assertThat(page).contains("There is a problem", "Your answers are too long").doesNotContain("y".repeat(201));
    }

    @Test
    void html_in_answers_is_shown_escaped_on_check_answers_and_status() throws Exception {
        answerEverything(SCRIPT);
        String check = page(get("/apply/start-a-business/check-answers"), 200);
        assertThat(check).doesNotContain(SCRIPT).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        submit();
        Application application = verified();
        assertThat(application.form().path("business").path("name").asString()).isEqualTo(SCRIPT);
        String status = page(get("/status/view"), 200);
        assertThat(status).doesNotContain("<script>alert").contains("Register the company", "Business Registry");
    }

    @Test
    void the_declaration_is_required_and_a_second_submit_makes_no_second_application() throws Exception {
        answerEverything("Analytical Engines Ltd");
        assertThat(page(post("/apply/start-a-business/check-answers"), 200))
                .contains("Confirm that the information you have given is correct");
        submit();
        String confirmation = page(get("/apply/start-a-business/confirmation"), 200);
        assertThat(confirmation).contains("Application sent", "access-code", "What happens next", "Business Registry",
                "Northfield Municipality", "How satisfied were you with this service?");
        UUID first = (UUID) session.getAttribute("portal.status.application");
        assertThat(page(post("/apply/start-a-business/check-answers").param("declaration", "confirmed"), 302)).isEmpty();
        assertThat(session.getAttribute("portal.status.application")).isEqualTo(first);
        // the access code is shown once only
        assertThat(page(get("/apply/start-a-business/confirmation"), 200)).doesNotContain("id=\"access-code\"");
    }

    @Test
    void a_wrong_access_code_does_not_show_the_case() throws Exception {
        answerEverything("Wrong Code Ltd");
        MvcResult submitted = submit();
        String reference = referenceOf();
        MockHttpSession other = new MockHttpSession();
        String page = mvc.perform(post("/status").with(csrf()).session(other).param("reference", reference)
                .param("accessCode", "WRONG-CODE")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Enter a correct reference and access code").doesNotContain("Register the company");
        assertThat(other.getAttribute("portal.status.application")).isNull();
        mvc.perform(get("/status/view").session(other)).andExpect(status().is3xxRedirection());
        assertThat(submitted).isNotNull();
    }

    @Test
    void the_satisfaction_rating_is_an_event() throws Exception {
        answerEverything("Happy Ltd");
        submit();
        UUID id = (UUID) session.getAttribute("portal.status.application");
        assertThat(page(post("/apply/start-a-business/satisfaction").param("score", "9"), 200))
                .contains("Select how satisfied you were with this service");
        assertThat(page(post("/apply/start-a-business/satisfaction").param("score", "4")
                .param("comment", "c".repeat(1_300)), 200)).contains("Your comment must be 1200 characters or fewer");
        page(post("/apply/start-a-business/satisfaction").param("score", "4").param("comment", "Quick <b>and</b> clear"), 302);
        var rated = events.ofCase(id).stream().filter(e -> e.type().equals("satisfaction-rated")).toList();
        assertThat(rated).hasSize(1);
        assertThat(rated.get(0).applicationId()).isEqualTo(id);
        assertThat(rated.get(0).channel()).isEqualTo("portal");
        assertThat(rated.get(0).actor()).isEqualTo("applicant");
        assertThat(rated.get(0).attributes()).containsEntry("comment", "Quick <b>and</b> clear");
        assertThat(((Number) rated.get(0).attributes().get("score")).intValue()).isEqualTo(4);
        assertThat(page(get("/apply/start-a-business/thank-you"), 200)).contains("Thank you for your feedback");
    }

    @Test
    void the_satisfaction_question_can_be_answered_from_the_status_page() throws Exception {
        answerEverything("Later Ltd");
        submit();
        UUID id = (UUID) session.getAttribute("portal.status.application");
        assertThat(page(get("/status/view"), 200)).contains("href=\"/status/satisfaction\"");
        assertThat(page(get("/status/satisfaction"), 200)).contains("action=\"/status/satisfaction\"");
        assertThat(page(post("/status/satisfaction"), 200)).contains("Select how satisfied you were with this service");
        page(post("/status/satisfaction").param("score", "2"), 302);
        var rated = events.ofCase(id).stream().filter(e -> e.type().equals("satisfaction-rated")).toList();
        assertThat(rated).hasSize(1);
        assertThat(((Number) rated.get(0).attributes().get("score")).intValue()).isEqualTo(2);
    }

    @Test
    void the_satisfaction_question_needs_a_verified_case() throws Exception {
        var fresh = new MockHttpSession();
        mvc.perform(post("/status/satisfaction").session(fresh).with(csrf()).param("score", "5"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/status"));
    }

    @Test
    void the_applicant_withdraws_and_a_second_withdrawal_is_refused_politely() throws Exception {
        answerEverything("Withdrawn Ltd");
        submit();
        UUID id = (UUID) session.getAttribute("portal.status.application");
        assertThat(page(get("/status/view"), 200)).contains("Withdraw application");
        assertThat(page(get("/status/withdraw"), 200)).contains("Do you want to withdraw your application?");
        assertThat(page(post("/status/withdraw"), 200)).contains("Select yes if you want to withdraw your application");
        page(post("/status/withdraw").param("withdraw", "yes"), 302);
        assertThat(cases.find(id).orElseThrow().status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(page(get("/status/view"), 200)).contains("Withdrawn").doesNotContain("Withdraw application");
        assertThat(page(post("/status/withdraw").param("withdraw", "yes"), 200))
                .contains("Your application cannot be withdrawn now");
    }

    @Test
    void a_complaint_from_the_status_page_is_checked_and_becomes_an_event() throws Exception {
        answerEverything("Complaining Ltd");
        submit();
        UUID id = (UUID) session.getAttribute("portal.status.application");
        assertThat(page(get("/status/view"), 200)).contains("href=\"/status/complaint\"");
        // nothing rejected yet: only the service can be complained about
        assertThat(page(get("/status/complaint"), 200)).contains("value=\"service\"").doesNotContain("value=\"step:");
        assertThat(page(post("/status/complaint"), 200)).contains("There is a problem",
                "href=\"#about\"", "Select what your complaint is about", "href=\"#details\"",
                "Enter what went wrong and what you would like to happen");
        // a step that was not rejected cannot be appealed, and the text is limited
        assertThat(page(post("/status/complaint").param("about", "step:register-company").param("details", "x"), 200))
                .contains("Select what your complaint is about");
        assertThat(page(post("/status/complaint").param("about", "service").param("details", "d".repeat(2_001)), 200))
                .contains("What went wrong must be 2,000 characters or fewer");
        assertThat(events.ofCase(id)).noneMatch(e -> e.type().endsWith("-made"));
        mvc.perform(post("/status/complaint").session(session).param("about", "service").param("details", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/status/complaint").session(session).with(csrf()).param("about", "service")
                .param("details", "  Nobody answers " + SCRIPT + "  ")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/status/complaint/sent"));
        assertThat(page(get("/status/complaint/sent"), 200)).contains("Complaint sent", verified().reference());
        var made = events.ofCase(id).stream().filter(e -> e.type().equals("complaint-made")).toList();
        assertThat(made).hasSize(1);
        assertThat(made.get(0).step()).isNull();
        assertThat(made.get(0).actor()).isEqualTo("applicant");
        assertThat(made.get(0).attributes()).containsEntry("text", "Nobody answers " + SCRIPT)
                .containsEntry("reference", verified().reference()).containsEntry("service", "start-a-business");
    }

    @Test
    void a_complaint_needs_a_verified_case() throws Exception {
        var fresh = new MockHttpSession();
        mvc.perform(get("/status/complaint").session(fresh)).andExpect(header().string("Location", "/status"));
        mvc.perform(post("/status/complaint").session(fresh).with(csrf()).param("about", "service").param("details", "x"))
                .andExpect(status().is3xxRedirection()).andExpect(header().string("Location", "/status"));
    }

    @Test
    void the_case_id_comes_only_from_the_session() throws Exception {
        answerEverything("Mine Ltd");
        submit();
        UUID mine = (UUID) session.getAttribute("portal.status.application");
        MockHttpSession stranger = new MockHttpSession();
        mvc.perform(get("/status/view").session(stranger).param("id", mine.toString())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/status/withdraw").with(csrf()).session(stranger).param("withdraw", "yes").param("id", mine.toString()))
                .andExpect(status().is3xxRedirection());
        assertThat(cases.find(mine).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void correction_pages_need_the_token_and_the_verified_session_show_only_what_is_asked_and_escape_answers()
            throws Exception {
        answerEverything("Fix <i>Me</i> Ltd");
        submit();
        UUID id = verified().id();
        assertThat(page(get("/status/correct"), 302)).isEmpty();
        work.askForCorrection(id, "register-company", "Check <b>everything</b>", java.util.List.of(), "business-registry",
                "registrar");

        assertThat(page(get("/status/view"), 200)).contains("Action needed: correct your answers",
                "Check &lt;b&gt;everything&lt;/b&gt;").doesNotContain("<b>everything");
        // naming no field opens every answer the step takes: two of the three pages, without the employees
        assertThat(page(get("/status/correct/applicant"), 200)).contains("name=\"applicant.fullName\"", "name=\"applicant.email\"");
        assertThat(page(get("/status/correct/business"), 200)).contains("Fix &lt;i&gt;Me&lt;/i&gt; Ltd")
                .doesNotContain("<i>Me</i>").doesNotContain("name=\"business.employees\"");
        page(get("/status/correct/banking"), 404);
        assertThat(page(post("/status/correct/applicant").param("applicant.fullName", "A".repeat(5_000))
                .param("applicant.email", "ada@example.org"), 200)).contains("govuk-error-summary");

        mvc.perform(post("/status/correct/applicant").session(session).param("applicant.fullName", "Ada"))
                .andExpect(status().isForbidden());
        MockHttpSession stranger = new MockHttpSession();
        mvc.perform(post("/status/correct/check-answers").with(csrf()).session(stranger).param("id", id.toString()))
                .andExpect(header().string("Location", "/status"));
        assertThat(cases.find(id).orElseThrow().step("register-company").orElseThrow().state())
                .isEqualTo(org.onestop.cases.StepState.CORRECTION_REQUESTED);
    }

    private String referenceOf() {
        UUID id = (UUID) session.getAttribute("portal.status.application");
        return applications.find(id).orElseThrow().reference();
    }

    private Application verified() {
        UUID id = (UUID) session.getAttribute("portal.status.application");
        return applications.find(id).orElseThrow();
    }

    void answerEverything(String businessName) throws Exception {
        page(get("/apply/start-a-business/applicant"), 200);
        page(post("/apply/start-a-business/applicant").param("applicant.fullName", "Ada " + businessName)
                .param("applicant.email", "ada@example.org"), 302);
        page(post("/apply/start-a-business/business").param("business.name", businessName)
                .param("business.legalForm", "limited-company").param("business.activity", "Engines")
                .param("business.startDate.day", "1").param("business.startDate.month", "12").param("business.startDate.year", "2026")
                .param("business.employees", "3").param("business.address.street", "1 Engine Row")
                .param("business.address.postcode", "1234 AB").param("business.address.municipality", "northfield"), 302);
        page(post("/apply/start-a-business/banking").param("banking.openAccount", "true"), 302);
    }

    MvcResult submit() throws Exception {
        return mvc.perform(post("/apply/start-a-business/check-answers").with(csrf()).session(session)
                .param("declaration", "confirmed")).andExpect(status().is3xxRedirection()).andReturn();
    }

    String page(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletRequestBuilder sent = request.session(session);
        if (!"GET".equals(sent.buildRequest(context.getServletContext()).getMethod())) {
            sent = sent.with(csrf());
        }
        MvcResult result = mvc.perform(sent).andExpect(status().is(status)).andReturn();
        return result.getResponse().getContentAsString();
    }
}
