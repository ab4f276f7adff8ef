package org.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Value;

/** Correlation ids, probes and metrics, over real HTTP. */
@OneStopTest
class ObservabilityTests {

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void echoes_a_well_formed_correlation_id() throws Exception {
        HttpResponse<String> response = get("/actuator/health", "order-42_a.B");
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("order-42_a.B");
    }

    @Test
    void generates_a_correlation_id_when_the_caller_sends_none() throws Exception {
        HttpResponse<String> response = get("/actuator/health", null);
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }

    @Test
    void replaces_a_malformed_or_overlong_correlation_id() throws Exception {
        for (String bad : new String[] {"has space", "semi;colon", "x".repeat(65), "<script>"}) {
            HttpResponse<String> response = get("/actuator/health", bad);
            assertThat(response.headers().firstValue("X-Correlation-Id")).hasValueSatisfying(id -> {
                assertThat(id).isNotEqualTo(bad);
                assertThat(id).hasSize(36);
            });
        }
        assertThat(get("/actuator/health", "x".repeat(64)).headers().firstValue("X-Correlation-Id"))
                .hasValue("x".repeat(64));
    }

    @Test
    void liveness_and_readiness_probes_are_up() throws Exception {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = get(probe, null);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void prometheus_exposes_http_server_request_metrics() throws Exception {
        get("/actuator/health", null);
        HttpResponse<String> response = get("/actuator/prometheus", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body()).contains("http_server_requests");
    }

    private HttpResponse<String> get(String path, String correlationId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
