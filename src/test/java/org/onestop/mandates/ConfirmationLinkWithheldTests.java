package org.onestop.mandates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.mandates.MandateApi.ok;

import java.time.LocalDate;
import java.time.ZoneOffset;

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

/** In production the confirmation link goes to the principal, never back to the agent. */
@OneStopTest
@TestPropertySource(properties = {"onestop.base-url=" + MandateApi.BASE_URL,
        "onestop.mandates.return-confirmation-link=false"})
class ConfirmationLinkWithheldTests {

    @Value("${local.server.port}")
    int port;
    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    Organisations organisations;

    @Test
    void the_agent_does_not_get_the_confirmation_link_when_the_platform_withholds_it() {
        DemoNetworkFixture.load(definitions);
        Member agent = Member.of("withheld-agent", OrganisationKind.INTERMEDIARY);
        organisations.save(agent.organisation());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        JsonNode requested = ok(new MandateApi(port).post("/api/v1/mandates", agent.authorization(),
                MandateLifecycleTests.body("P-withheld", today, today.plusDays(30))), 201);

        assertThat(requested.get("status").asString()).isEqualTo("requested");
        assertThat(requested.has("confirmationLink")).isFalse();
        assertThat(requested.toString()).doesNotContain("/mandates/confirm/");
    }
}
