package org.onestop.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onestop.testing.ApiClient;
import org.onestop.testing.ApiClient.Response;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/** Query services and their agreements in the network definition: round trip and rules. */
@OneStopTest
@TestPropertySource(properties = {"onestop.query.breaker.failures=2", "onestop.query.breaker.cool-down=PT1S"})
class QueryDefinitionTests {

    private static final String YAML = "application/yaml";

    @Value("${local.server.port}")
    int port;

    @Test
    void query_services_and_agreements_are_exported_and_import_back_unchanged() {
        ApiClient api = ApiClient.asManager(port);
        assertThat(api.post("/api/v1/network-definition", YAML, DemoNetworkFixture.yaml()).status()).isEqualTo(200);

        String exported = api.get("/api/v1/network-definition", YAML).body();
        assertThat(exported).contains("queryServices:", "path: /queries/address-lookup", "timeout: PT3S",
                "queryAgreements:", "consumer: portal", "code: northfield-address-check");
        assertThat(api.post("/api/v1/network-definition", YAML, exported).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/network-definition", YAML).body()).isEqualTo(exported);

        Response json = api.get("/api/v1/network-definition", "application/json");
        assertThat(json.json().path("queryServices").get(0).path("request").path("required").toString())
                .isEqualTo("[\"postcode\",\"houseNumber\"]");
    }

    @Test
    void a_query_agreement_must_name_a_known_consumer_service_and_answer_fields() {
        String broken = DemoNetworkFixture.yaml()
                .replace("consumer: municipality-northfield", "consumer: municipality-eastwick")
                .replace("fields: [street, postcode, municipality]", "fields: [street, postcode, country]")
                .replace("    path: /queries/address-lookup\n", "    path: /queries/address-lookup\n    url: http://register.example/q\n");
        Response rejected = ApiClient.asManager(port).post("/api/v1/network-definition", YAML, broken);

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.json().path("errors").toString())
                .contains("queryAgreements[1].consumer").contains("unknown organisation 'municipality-eastwick'")
                .contains("queryAgreements[0].fields").contains("has no field 'country'")
                .contains("queryServices[0]").contains("give either url or path");
    }
}
