package org.onestop.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onestop.access.Http.MANAGER;
import static org.onestop.access.Http.PASSWORD;
import static org.onestop.access.Http.assertProblem;
import static org.onestop.access.Http.basic;
import static org.onestop.access.Http.json;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.network.Organisation;
import org.onestop.network.OrganisationKind;
import org.onestop.network.OrganisationStatus;
import org.onestop.network.Organisations;
import org.onestop.network.ReceivingMode;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@OneStopTest
@TestPropertySource(properties = "onestop.base-url=" + Http.BASE_URL)
class StaffAccessTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    @Value("${local.server.port}")
    int port;

    @Autowired
    StaffAccounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(port);
        organisations.save(new Organisation("TAX", "Tax agency", OrganisationKind.PUBLIC_AGENCY, OrganisationStatus.ACTIVE,
                ReceivingMode.INBOX, null, null));
        if (accounts.find("olga").isEmpty()) {
            accounts.create("olga", "operator-password", StaffRole.OPERATOR, "TAX");
            accounts.create("audrey", "auditor-password", StaffRole.AUDITOR, null);
        }
    }

    @Test
    void refuses_an_api_call_without_credentials_with_a_problem() throws Exception {
        HttpResponse<String> response = http.get("/api/v1/whoami", null);

        String detail = assertProblem(response, 401, "no-credentials");
        assertThat(detail).contains("Basic").contains("bearer");
        assertThat(json(response).get("title").asString()).isEqualTo("Unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("Basic"));
    }

    @Test
    void the_bootstrap_manager_uses_the_configured_password_over_basic_auth() throws Exception {
        JsonNode me = json(http.get("/api/v1/whoami", basic(MANAGER, PASSWORD)));

        assertThat(me.get("kind").asString()).isEqualTo("staff");
        assertThat(me.get("name").asString()).isEqualTo(MANAGER);
        assertThat(me.get("roles").get(0).asString()).isEqualTo("MANAGER");
        assertThat(me.get("roles").size()).isEqualTo(1);
        assertThat(me.hasNonNull("organisation")).isFalse();
        assertThat(accounts.all()).filteredOn(member -> member.role() == StaffRole.MANAGER)
                .containsExactly(new StaffMember(MANAGER, StaffRole.MANAGER, null));
    }

    @Test
    void refuses_a_wrong_password() throws Exception {
        assertProblem(http.get("/api/v1/whoami", basic(MANAGER, "not-the-password")), 401, "bad-credentials");
        assertProblem(http.get("/api/v1/whoami", basic("nobody", PASSWORD)), 401, "bad-credentials");
    }

    @Test
    void an_operator_is_seen_with_its_organisation() throws Exception {
        JsonNode me = json(http.get("/api/v1/whoami", basic("olga", "operator-password")));

        assertThat(me.get("kind").asString()).isEqualTo("staff");
        assertThat(me.get("roles").get(0).asString()).isEqualTo("OPERATOR");
        assertThat(me.get("organisation").asString()).isEqualTo("TAX");
    }

    @Test
    void operators_and_auditors_may_not_rotate_the_platform_keys() throws Exception {
        String before = http.get("/.well-known/jwks.json", null).body();

        String detail = assertProblem(http.post("/api/v1/platform-keys:rotate", basic("olga", "operator-password"), "{}"),
                403, "forbidden");
        assertProblem(http.post("/api/v1/platform-keys:rotate", basic("audrey", "auditor-password"), "{}"), 403, "forbidden");

        assertThat(detail).contains("/api/v1/platform-keys:rotate");
        assertThat(http.get("/.well-known/jwks.json", null).body()).isEqualTo(before);
    }

    @Test
    void operators_may_read_but_not_change_the_network() throws Exception {
        assertProblem(http.post("/api/v1/organisations", basic("olga", "operator-password"), "{}"), 403, "forbidden");
        assertProblem(http.post("/api/v1/services/start-a-business/steps", basic("olga", "operator-password"), "{}"),
                403, "forbidden");

        assertThat(http.get("/api/v1/organisations", basic("olga", "operator-password")).statusCode()).isNotIn(401, 403);
        assertThat(http.post("/api/v1/services/start-a-business/applications", basic("olga", "operator-password"), "{}")
                .statusCode()).isNotIn(401, 403);
        assertThat(http.post("/api/v1/organisations", basic(MANAGER, PASSWORD), "{}").statusCode()).isNotIn(401, 403);
    }

    @Test
    void a_manager_rotates_the_platform_keys_and_the_old_key_stays_published() throws Exception {
        JWKSet before = JWKSet.parse(http.get("/.well-known/jwks.json", null).body());

        HttpResponse<String> rotated = http.post("/api/v1/platform-keys:rotate", basic(MANAGER, PASSWORD), "{}");

        assertThat(rotated.statusCode()).isEqualTo(200);
        String kid = json(rotated).get("kid").asString();
        HttpResponse<String> published = http.get("/.well-known/jwks.json", null);
        assertThat(published.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/jwk-set+json"));
        JWKSet after = JWKSet.parse(published.body());
        assertThat(after.getKeys()).extracting(JWK::getKeyID)
                .containsAll(before.getKeys().stream().map(JWK::getKeyID).toList())
                .contains(kid);
        assertThat(after.getKeys()).noneMatch(JWK::isPrivate);
        assertThat(published.body()).doesNotContain("\"d\"");
    }

    @Test
    void signs_in_with_the_form_and_its_csrf_token() throws Exception {
        assertThat(http.get("/console", null).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in"));

        HttpResponse<String> signedIn = http.postForm("/sign-in",
                Map.of("username", MANAGER, "password", PASSWORD, "_csrf", csrfToken()));

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/console"));
        HttpResponse<String> console = http.get("/console", null);
        assertThat(console.headers().firstValue("Location")).isEmpty();
        assertThat(console.statusCode()).isNotIn(302, 401, 403);

        HttpResponse<String> signedOut = http.postForm("/sign-out", Map.of("_csrf", csrfToken()));
        assertThat(signedOut.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/sign-in?signed-out"));
        assertThat(http.get("/console", null).statusCode()).isEqualTo(302);
    }

    @Test
    void refuses_the_sign_in_form_without_the_csrf_token() throws Exception {
        csrfToken();

        HttpResponse<String> response = http.postForm("/sign-in", Map.of("username", MANAGER, "password", PASSWORD));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(http.get("/console", null).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/sign-in"));
    }

    @Test
    void refuses_the_sign_in_form_with_a_wrong_password() throws Exception {
        HttpResponse<String> response = http.postForm("/sign-in",
                Map.of("username", MANAGER, "password", "wrong-password", "_csrf", csrfToken()));

        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?error"));
        assertThat(http.get("/sign-in?error", null).body()).contains("There is a problem", "Enter a correct username and password");
        assertThat(http.get("/console", null).statusCode()).isEqualTo(302);
    }

    @Test
    void pages_carry_the_security_headers() throws Exception {
        HttpResponse<String> page = http.get("/sign-in", null);

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(http.get("/api/v1/whoami", null).headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void stores_only_a_bcrypt_hash_of_a_password() {
        String hash = jdbc.sql("SELECT password_hash FROM staff_account WHERE username = 'olga'").query(String.class).single();

        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("operator-password");
    }

    @Test
    void an_operator_must_belong_to_a_known_organisation_and_usernames_are_unique() {
        assertThatThrownBy(() -> accounts.create("otto", "operator-password", StaffRole.OPERATOR, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> accounts.create("otto", "operator-password", StaffRole.OPERATOR, "NO-SUCH-ORG"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NO-SUCH-ORG");
        assertThatThrownBy(() -> accounts.create("olga", "another-password", StaffRole.AUDITOR, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taken");
        assertThatThrownBy(() -> accounts.create("shorty", "short", StaffRole.AUDITOR, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(accounts.find("otto")).isEmpty();
        assertThat(accounts.find("olga")).contains(new StaffMember("olga", StaffRole.OPERATOR, "TAX"));
    }

    private String csrfToken() throws Exception {
        HttpResponse<String> page = http.get("/sign-in", null);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as(page.body()).isTrue();
        return matcher.group(1);
    }
}
