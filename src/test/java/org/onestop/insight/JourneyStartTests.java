package org.onestop.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The portal writes application-started once per journey: saving pages again or resuming is not a new start. */
@OneStopTest
class JourneyStartTests {

    @Autowired
    WebApplicationContext context;
    @Autowired
    NetworkDefinitions definitions;
    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;

    @BeforeEach
    void portal() {
        DemoNetworkFixture.load(definitions);
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    long starts() {
        return jdbc.sql("SELECT COUNT(*) FROM event_log WHERE type = 'application-started'").query(Long.class).single();
    }

    void save(MockHttpSession session) throws Exception {
        mvc.perform(post("/apply/start-a-business/applicant").with(csrf()).session(session)
                .param("applicant.fullName", "Ada Lovelace").param("applicant.email", "ada@example.org"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void a_journey_starts_once_however_often_its_pages_are_saved() throws Exception {
        long before = starts();
        MockHttpSession session = new MockHttpSession();
        save(session);
        save(session); // back to the page, saved again: the same journey
        assertThat(starts()).isEqualTo(before + 1);
        save(new MockHttpSession()); // another applicant
        assertThat(starts()).isEqualTo(before + 2);
    }
}
