package org.onestop.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.insight.Performance;
import org.onestop.intake.Applications;
import org.onestop.network.Organisation;
import org.onestop.network.OrganisationStatus;
import org.onestop.network.Organisations;
import org.onestop.query.QueryProvider;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Once-only in the portal: the business address found in the address register (a real provider
 * on a random port, asked through the platform as the consumer "portal"), prefilled and still
 * changeable; the journey goes on as before when the look-up fails.
 */
@OneStopTest
class AddressPrefillTests {

    private static final String BUSINESS = "/apply/start-a-business/business";

    @Autowired
    WebApplicationContext context;
    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    Organisations organisations;
    @Autowired
    Applications applications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Performance performance;

    MockMvc mvc;
    MockHttpSession session;
    QueryProvider register;

    @BeforeEach
    void portal() {
        DemoNetworkFixture.load(definitions);
        register = new QueryProvider("address-register-portal");
        Organisation existing = organisations.find("address-register").orElseThrow();
        organisations.save(new Organisation(existing.code(), existing.name(), existing.kind(), OrganisationStatus.ACTIVE,
                existing.receiving(), register.endpoint(), register.publicJwks()));
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        session = new MockHttpSession();
    }

    @AfterEach
    void stop() {
        register.close();
    }

    @Test
    void the_address_found_is_filled_in_can_be_changed_and_the_query_is_attributed_to_the_application() throws Exception {
        register.answeringSigned("{\"street\": \"Mill Lane 12\", \"postcode\": \"6011 KL\", \"municipality\": \"southport\"}");
        answerApplicant();

        String found = page(business("Analytical Engines Ltd").param("action", "find-address")
                .param("address-finder-postcode", "6011kl").param("address-finder-house-number", "12"), 200);

        assertThat(found).contains("We found the address in the address register", "value=\"Mill Lane 12\"",
                "value=\"6011 KL\"", "value=\"Analytical Engines Ltd\"").doesNotContain("There is a problem");
        assertThat(found).containsPattern("value=\"southport\"\\s+checked|checked[^>]*value=\"southport\"|value=\"southport\"[^>]*selected");
        page(business("Analytical Engines Ltd").param("business.address.street", "Mill Lane 12a")
                .param("business.address.postcode", "6011 KL").param("business.address.municipality", "southport")
                .param("action", "continue"), 302);
        page(post("/apply/start-a-business/banking").param("banking.openAccount", "true"), 302);
        mvc.perform(post("/apply/start-a-business/check-answers").with(csrf()).session(session)
                .param("declaration", "confirmed")).andExpect(status().is3xxRedirection());

        UUID application = (UUID) session.getAttribute("portal.status.application");
        assertThat(applications.find(application).orElseThrow().form().path("business").path("address").path("street")
                .asString()).isEqualTo("Mill Lane 12a");
        List<Map<String, Object>> events = jdbc.sql("""
                SELECT type, channel, actor, application_id FROM event_log
                WHERE type IN ('registry-queried', 'registry-query-attributed') AND actor = 'portal' ORDER BY id""")
                .query().listOfRows();
        assertThat(events).extracting(e -> e.get("type")).containsSubsequence("registry-queried", "registry-query-attributed");
        Map<String, Object> last = events.get(events.size() - 1);
        assertThat(String.valueOf(last.get("application_id"))).isEqualTo(application.toString());
        assertThat(last.get("channel")).isEqualTo("portal");
        String attributes = jdbc.sql("SELECT CAST(attributes AS VARCHAR) FROM event_log WHERE type = 'registry-query-attributed' AND application_id = ?")
                .param(application).query(String.class).single();
        JsonNode attributed = JsonMapper.builder().build().readTree(attributes);
        assertThat(attributed.path("agreement").asString()).isEqualTo("portal-address-prefill");
        assertThat(attributed.path("provider").asString()).isEqualTo("address-register");
        assertThat(attributed.path("requestDigest").asString()).hasSize(64);
        assertThat(attributed.path("answerFields").toString()).isEqualTo("[\"street\",\"postcode\",\"municipality\"]");
        // insight counts the case as prefilled from a registry (the prefilled share's numerator)
        performance.refresh();
        assertThat(jdbc.sql("SELECT prefilled FROM insight_case WHERE case_id = ?").param(application)
                .query(Boolean.class).single()).isTrue();

        String status = page(get("/status/view"), 200);
        assertThat(status).contains("Who has used your information", "Looked up while you applied",
                "Agreement portal-address-prefill", "postcode, houseNumber, street, municipality");
    }

    @Test
    void a_failed_look_up_is_shown_in_the_error_summary_and_the_address_can_be_typed_instead() throws Exception {
        register.answering(503, "{}");
        answerApplicant();

        String failed = page(business("Analytical Engines Ltd").param("action", "find-address")
                .param("address-finder-postcode", "1234 AB").param("address-finder-house-number", "1"), 200);

        assertThat(failed).contains("There is a problem", "href=\"#address-finder-postcode\"",
                "The address could not be found just now", "value=\"Analytical Engines Ltd\"");
        page(business("Analytical Engines Ltd").param("business.address.street", "1 Engine Row")
                .param("business.address.postcode", "1234 AB").param("business.address.municipality", "northfield")
                .param("action", "continue"), 302);
    }

    @Test
    void the_finder_asks_for_a_postcode_and_house_number_in_the_right_format() throws Exception {
        answerApplicant();
        String page = page(business("Engines").param("action", "find-address").param("address-finder-postcode", "")
                .param("address-finder-house-number", "twelve"), 200);
        assertThat(page).contains("Enter a postcode to find the address", "House number must be a number, like 12 or 12A",
                "href=\"#address-finder-house-number\"");
        assertThat(register.received()).isEmpty();
        assertThat(page(get(BUSINESS), 200)).contains("Find the address", "value=\"find-address\"");
    }

    private void answerApplicant() throws Exception {
        page(get("/apply/start-a-business/applicant"), 200);
        page(post("/apply/start-a-business/applicant").param("applicant.fullName", "Ada Lovelace")
                .param("applicant.email", "ada@example.org"), 302);
    }

    private MockHttpServletRequestBuilder business(String name) {
        return post(BUSINESS).param("business.name", name).param("business.legalForm", "limited-company")
                .param("business.activity", "Engines").param("business.startDate.day", "1")
                .param("business.startDate.month", "12").param("business.startDate.year", "2026")
                .param("business.employees", "3");
    }

    private String page(MockHttpServletRequestBuilder request, int expected) throws Exception {
        MockHttpServletRequestBuilder sent = request.session(session);
        if (!"GET".equals(sent.buildRequest(context.getServletContext()).getMethod())) {
            sent = sent.with(csrf());
        }
        return mvc.perform(sent).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString();
    }
}
