package org.onestop.mandates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.mandates.MandateApi.ok;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.mandates.MandateApi.Member;
import org.onestop.network.OrganisationKind;
import org.onestop.network.Organisations;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/** The page a principal opens from the one-time link, over real HTTP with a cookie jar. */
@OneStopTest
@TestPropertySource(properties = "onestop.base-url=" + MandateApi.BASE_URL)
class ConfirmationPageTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Member AGENT = Member.of("page-agent", OrganisationKind.INTERMEDIARY);

    @Value("${local.server.port}")
    int port;
    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    Organisations organisations;
    @Autowired
    Mandates mandates;

    MandateApi api;

    @BeforeEach
    void network() {
        DemoNetworkFixture.load(definitions);
        organisations.save(AGENT.organisation());
        api = new MandateApi(port);
    }

    @Test
    void the_principal_sees_who_asks_for_what_and_confirms_with_the_button() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode requested = ok(api.post("/api/v1/mandates", AGENT.authorization(),
                MandateLifecycleTests.body("P-page-1", today, today.plusMonths(6))), 201);
        String link = requested.get("confirmationLink").asString();

        HttpResponse<String> page = api.get(link, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("page-agent Ltd", "Ada Lovelace", "P-page-1", "Start a business",
                today.plusMonths(6).toString(), "Confirm mandate", "govuk-button");
        assertThat(mandates.check(AGENT.code(), "P-page-1", DemoNetworkFixture.SERVICE, today).refusal())
                .isEqualTo(MandateRefusal.NOT_CONFIRMED);

        assertThat(api.postForm(link, "").statusCode()).isEqualTo(403);
        HttpResponse<String> confirmed = api.postForm(link, "_csrf=" + csrf(page.body()));

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Mandate confirmed", "page-agent Ltd");
        assertThat(mandates.check(AGENT.code(), "P-page-1", DemoNetworkFixture.SERVICE, today).allowed()).isTrue();

        HttpResponse<String> again = api.get(link, null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("already used").doesNotContain("Confirm mandate");
    }

    @Test
    void an_unknown_link_shows_a_page_saying_so() {
        HttpResponse<String> page = api.get("/mandates/confirm/" + "A".repeat(43), null);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Unknown confirmation link");
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as(html).isTrue();
        return matcher.group(1);
    }
}
