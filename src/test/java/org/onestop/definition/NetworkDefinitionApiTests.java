package org.onestop.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.testing.ApiClient;
import org.onestop.testing.ApiClient.Response;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

@OneStopTest
class NetworkDefinitionApiTests {

    static final String YAML = "application/yaml";

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.asManager(port);
    }

    static String demo() throws IOException {
        try (InputStream in = NetworkDefinitionApiTests.class.getResourceAsStream("/demo/start-a-business.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private int count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single();
    }

    @Test
    void imports_the_demo_network_and_serves_it_back() throws IOException {
        Response imported = api.post("/api/v1/network-definition", YAML, demo());
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().path("organisations").asInt()).isEqualTo(7);

        Response service = api.get("/api/v1/services/start-a-business");
        assertThat(service.status()).isEqualTo(200);
        assertThat(service.json().path("status").asString()).isEqualTo("published");
        assertThat(service.json().path("steps").size()).isEqualTo(4);
        assertThat(service.json().path("steps").get(1).path("sla").asString()).isEqualTo("PT120H");

        Response organisation = api.get("/api/v1/organisations/northbank");
        assertThat(organisation.json().path("kind").asString()).isEqualTo("private-partner");
        Response agreement = api.get("/api/v1/agreements/northbank-accounts");
        assertThat(agreement.json().path("governance").asString()).isEqualTo("contract");
        assertThat(agreement.json().path("costPerCase").path("currency").asString()).isEqualTo("EUR");
        assertThat(agreement.json().path("activity").path("assetSpecificity").asInt()).isEqualTo(2);
    }

    @Test
    void importing_the_same_file_twice_changes_nothing() throws IOException {
        Response first = api.post("/api/v1/network-definition", YAML, demo());
        int versions = count("service_version");
        String exported = api.get("/api/v1/network-definition", YAML).body();
        Response second = api.post("/api/v1/network-definition", YAML, demo());
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("serviceVersions")).isEqualTo(first.json().path("serviceVersions"));
        assertThat(count("service_version")).isEqualTo(versions);
        assertThat(api.get("/api/v1/network-definition", YAML).body()).isEqualTo(exported);
    }

    @Test
    void an_export_imports_back_without_change() throws IOException {
        api.post("/api/v1/network-definition", YAML, demo());
        Response exported = api.get("/api/v1/network-definition", YAML);
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.body()).contains("code: start-a-business").contains("kind: private-partner");

        Response reimported = api.post("/api/v1/network-definition", YAML, exported.body());
        assertThat(reimported.status()).as(reimported.body()).isEqualTo(200);
        assertThat(reimported.json().path("serviceVersions").get(0).asString()).isEqualTo("start-a-business@1");

        Response asJson = api.get("/api/v1/network-definition", "application/json");
        assertThat(asJson.contentType()).startsWith("application/json");
        assertThat(asJson.json().path("services").get(0).path("code").asString()).isEqualTo("start-a-business");
    }

    @Test
    void changed_content_becomes_a_new_version_and_the_old_one_is_kept() throws IOException {
        api.post("/api/v1/network-definition", YAML, demo());
        int before = api.get("/api/v1/services/start-a-business/versions").json().size();
        Response changed = api.post("/api/v1/network-definition", YAML,
                demo().replace("name: Start a business", "name: Start a business (" + before + ")"));
        assertThat(changed.json().path("serviceVersions").get(0).asString()).isEqualTo("start-a-business@" + (before + 1));

        Response versions = api.get("/api/v1/services/start-a-business/versions");
        assertThat(versions.json().size()).isEqualTo(before + 1);
        assertThat(versions.json().get(0).path("status").asString()).isEqualTo("published");
        assertThat(versions.json().get(1).path("status").asString()).isEqualTo("retired");
        assertThat(versions.json().get(0).path("name").asString()).isEqualTo("Start a business (" + before + ")");
    }

    @Test
    void a_rejected_file_lists_every_problem_with_its_path_and_changes_nothing() throws IOException {
        String before = api.get("/api/v1/network-definition", YAML).body();
        String broken = demo()
                .replace("dependsOn: [register-company]\n        input:\n          form: [applicant.fullName, business.name, business.legalForm, business.startDate",
                        "dependsOn: [registration]\n        input:\n          form: [applicant.fullName, business.name, business.legalForm, business.startDate")
                .replace("organisation: northbank\n        dependsOn", "organisation: southbank\n        dependsOn");
        Response rejected = api.post("/api/v1/network-definition", YAML, broken);

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.json().path("errors").toString())
                .contains("services[0].steps[1].dependsOn").contains("unknown step 'registration'")
                .contains("services[0].steps[3].organisation").contains("unknown organisation 'southbank'");
        assertThat(api.get("/api/v1/network-definition", YAML).body()).isEqualTo(before);
    }

    @Test
    void structural_problems_are_reported_together_with_their_paths() throws IOException {
        String broken = demo()
                .replace("kind: private-partner", "kind: bank")
                .replace("    validFrom: 2026-01-01\n    activity: {assetSpecificity: 5", "    validFrom: 2026-01-01\n    colour: red\n    activity: {assetSpecificity: 9");
        Response rejected = api.post("/api/v1/network-definition", YAML, broken);
        assertThat(rejected.status()).isEqualTo(422);
        String errors = rejected.json().path("errors").toString();
        assertThat(errors).contains("organisations[4].kind").contains("agreements[0].colour")
                .contains("agreements[0].activity.assetSpecificity");
    }

    @Test
    void malformed_yaml_gets_a_clear_problem() {
        Response rejected = api.post("/api/v1/network-definition", YAML, "organisations:\n  - code: [unclosed\n");
        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.json().path("errors").get(0).path("message").asString()).startsWith("not well-formed YAML (line");
    }

    @Test
    void a_private_key_is_never_registered() throws IOException {
        String withPrivateKey = demo().replace("    kind: private-partner\n    receiving: inbox",
                "    kind: private-partner\n    receiving: inbox\n    jwks:\n      keys:\n"
                        + "        - {kty: EC, crv: P-256, kid: bank-1, x: MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4, "
                        + "y: 4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM, d: 870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE}");
        assertThat(withPrivateKey).contains("kid: bank-1");
        Response rejected = api.post("/api/v1/network-definition", YAML, withPrivateKey);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(422);
        assertThat(rejected.body()).contains("organisations[4].jwks").contains("private key material");
    }

    @Test
    void one_organisation_is_changed_by_put_under_the_same_rules() throws IOException {
        api.post("/api/v1/network-definition", YAML, demo());
        Response changed = api.put("/api/v1/organisations/northbank", """
                {"code": "northbank", "name": "Northbank plc", "kind": "private-partner", "status": "suspended",
                 "receiving": "push", "endpoint": "https://bank.example/onestop"}""");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/organisations/northbank").json().path("status").asString()).isEqualTo("suspended");

        Response wrong = api.put("/api/v1/organisations/northbank", """
                {"code": "northbank", "name": "Northbank", "kind": "private-partner", "receiving": "push", "colour": 1}""");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("\"path\":\"colour\"").contains("\"path\":\"endpoint\"");

        Response mismatch = api.put("/api/v1/organisations/northbank", """
                {"code": "southbank", "name": "Southbank", "kind": "private-partner", "receiving": "inbox"}""");
        assertThat(mismatch.status()).isEqualTo(422);
    }

    @Test
    void unknown_things_are_404_problems() {
        Response missing = api.get("/api/v1/services/no-such-service");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().path("status").asInt()).isEqualTo(404);
        assertThat(missing.json().path("title").asString()).isEqualTo("Not found");
        assertThat(missing.json().path("type").asString()).startsWith("https://");
        assertThat(api.get("/api/v1/organisations/nobody").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/agreements/none").status()).isEqualTo(404);
    }

    @Test
    void lists_are_paginated() throws IOException {
        api.post("/api/v1/network-definition", YAML, demo());
        Response page = api.get("/api/v1/organisations?page=1&size=4");
        assertThat(page.json().path("total").asInt()).isEqualTo(7);
        assertThat(page.json().path("items").size()).isEqualTo(3);
        assertThat(api.get("/api/v1/organisations?size=100000").status()).isEqualTo(422);
        assertThat(api.get("/api/v1/organisations?page=abc").status()).isEqualTo(400);
    }

    @Test
    void bodies_over_the_limit_are_refused_with_413() {
        String huge = "organisations: []\n# " + "x".repeat(5 * 1024 * 1024);
        Response refused = api.post("/api/v1/network-definition", YAML, huge);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void malformed_json_and_wrong_media_types_are_4xx_problems() {
        Response malformed = api.put("/api/v1/agreements/x", "{\"code\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        Response wrongType = api.post("/api/v1/network-definition", "text/plain", "hello");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");
    }
}
