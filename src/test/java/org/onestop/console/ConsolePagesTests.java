package org.onestop.console;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Routing;
import org.onestop.catalog.ServiceDefinition;
import org.onestop.catalog.ServiceStatus;
import org.onestop.catalog.Step;
import org.onestop.catalog.StepInput;
import org.onestop.network.ActivityProfile;
import org.onestop.network.Agreement;
import org.onestop.network.Agreements;
import org.onestop.network.GovernanceMode;
import org.onestop.network.Money;
import org.onestop.network.Organisation;
import org.onestop.network.OrganisationKind;
import org.onestop.network.OrganisationStatus;
import org.onestop.network.Organisations;
import org.onestop.network.ReceivingMode;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's pages as HTML, for a signed-in manager (security itself is the access module's to test).
 * The context (and its database) is closed afterwards, so the fixtures do not leak into other tests.
 */
@OneStopTest
@DirtiesContext
@WithMockUser(username = "manager", roles = "MANAGER")
class ConsolePagesTests {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;

    @Autowired
    Organisations organisations;

    @Autowired
    Agreements agreements;

    @Autowired
    Catalog catalog;

    @BeforeEach
    void network() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        organisations.save(new Organisation("registry", "Business <b>registry</b>", OrganisationKind.PUBLIC_AGENCY,
                OrganisationStatus.ACTIVE, ReceivingMode.PUSH, URI.create("https://registry.example/work"),
                "{\"keys\":[{\"kid\":\"registry-2026\",\"kty\":\"EC\",\"crv\":\"P-256\",\"alg\":\"ES256\","
                        + "\"x\":\"SECRET-X\",\"y\":\"SECRET-Y\"}]}"));
        organisations.save(new Organisation("bank", "Bank", OrganisationKind.PRIVATE_PARTNER,
                OrganisationStatus.SUSPENDED, ReceivingMode.INBOX, null, null));
        agreements.save(new Agreement("registry-start", "registry", "start-business", List.of("register"),
                GovernanceMode.IN_HOUSE, Duration.ofDays(5), new Money(new BigDecimal("12.50"), "EUR"),
                List.of("company.name", "company.address"), "Companies Act, section 4", LocalDate.of(2026, 1, 1),
                null, new ActivityProfile(4, 2, 5)));
        JsonNode form = JsonMapper.builder().build().readTree("{\"type\":\"object\"}");
        catalog.save(new ServiceDefinition("start-business", "Start a <i>business</i>", "One application.",
                ServiceStatus.PUBLISHED, form, List.of(
                        new Step("register", "Register the company", "registry", null, List.of(),
                                new StepInput(List.of("company.name"), List.of()), null, Duration.ofDays(3)),
                        new Step("licence", "Grant a licence", null,
                                new Routing("company.town", Map.of("north", "registry"), null),
                                List.of("register"), new StepInput(List.of(), List.of("register.number")), null,
                                Duration.ofHours(36)),
                        new Step("account", "Open an account", "bank", null, List.of("register"), null, null, null))));
    }

    @Test
    void shows_a_service_with_its_step_graph_and_the_same_information_as_a_table() throws Exception {
        mvc.perform(get("/console/services")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Start a &lt;i&gt;business&lt;/i&gt;"), containsString("Published"))));
        mvc.perform(get("/console/services/start-business")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("role=\"img\""), containsString("aria-labelledby=\"graph-title graph-desc\""),
                containsString("<title id=\"graph-title\">"),
                containsString("First: Register the company. Then: Grant a licence, Open an account."),
                containsString("marker-end=\"url(#graph-arrowhead)\""),
                containsString(">Register the company</text>"),
                containsString("Routed by"), containsString("north: Business &lt;b&gt;registry&lt;/b&gt;"),
                containsString("Any other value: not routed"), containsString("1 day 12 hours"),
                containsString("register.number"), containsString("href=\"/console/agreements/registry-start\""),
                not(containsString("<i>business</i>")))));
    }

    @Test
    void answers_an_unknown_service_or_version_with_not_found() throws Exception {
        mvc.perform(get("/console/services/nothing")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Page not found")));
        mvc.perform(get("/console/services/start-business").param("version", "99")).andExpect(status().isNotFound());
    }

    @Test
    void lists_the_organisations_with_kind_and_status() throws Exception {
        mvc.perform(get("/console/organisations")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("<html lang=\"en\" class=\"govuk-template\">"),
                containsString("Business &lt;b&gt;registry&lt;/b&gt;"),
                containsString("href=\"/console/organisations/registry\""),
                containsString("Private partner"), containsString("Suspended"),
                containsString("aria-current=\"true\""), containsString("Sign out"),
                not(containsString("<b>registry</b>")))));
    }

    @Test
    void shows_an_organisation_with_its_key_ids_but_not_key_material_and_its_agreements() throws Exception {
        mvc.perform(get("/console/organisations/registry")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("Public agency"), containsString("Pushed to its endpoint"),
                containsString("https://registry.example/work"), containsString("1 key"),
                containsString("registry-2026"), containsString("ES256"), not(containsString("SECRET-X")),
                containsString("href=\"/console/agreements/registry-start\""), containsString("5 days"))));
    }

    @Test
    void shows_an_agreement_in_human_terms() throws Exception {
        mvc.perform(get("/console/agreements/registry-start")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("In-house"), containsString("5 days"), containsString("€12.50"),
                containsString("company.address"), containsString("Companies Act, section 4"),
                containsString("From 1 January 2026, with no end date"), containsString("4 out of 5"))));
        mvc.perform(get("/console/agreements")).andExpect(status().isOk())
                .andExpect(content().string(containsString("€12.50")));
    }

    @Test
    void answers_an_unknown_code_with_the_govuk_not_found_page() throws Exception {
        mvc.perform(get("/console/organisations/nobody")).andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("Page not found"), containsString("govuk-template"))));
        mvc.perform(get("/console/agreements/nothing")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Page not found")));
    }

    @Test
    void the_sign_in_page_has_the_form_fields_the_form_login_expects() throws Exception {
        mvc.perform(get("/sign-in")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("action=\"/sign-in\""), containsString("name=\"username\""),
                containsString("name=\"password\""), containsString("name=\"_csrf\""),
                containsString("autocomplete=\"current-password\""), not(containsString("There is a problem")))));
    }

    @Test
    void the_sign_in_page_explains_a_failed_sign_in_and_links_to_the_field() throws Exception {
        mvc.perform(get("/sign-in").param("error", "")).andExpect(status().isOk()).andExpect(content().string(allOf(
                containsString("<title>Error: Sign in"), containsString("govuk-error-summary"),
                containsString("href=\"#username\""), containsString("aria-describedby=\"username-error\""))));
    }

    @Test
    void the_sign_in_page_confirms_sign_out() throws Exception {
        mvc.perform(get("/sign-in").param("signed-out", "")).andExpect(status().isOk())
                .andExpect(content().string(containsString("You have been signed out")));
    }

    @Test
    void the_layout_has_no_inline_script_or_style() throws Exception {
        String html = mvc.perform(get("/console")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(html)
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
                .doesNotContain("style=").doesNotContain("<style")
                .contains("govuk-skip-link", "govuk-phase-banner", "govuk-footer", "/assets/onestop/frontend-supported.js");
    }
}
