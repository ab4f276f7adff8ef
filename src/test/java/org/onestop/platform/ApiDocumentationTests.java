package org.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onestop.testing.ApiClient;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Value;

@OneStopTest
class ApiDocumentationTests {

    @Value("${local.server.port}")
    int port;

    @Test
    void the_openapi_document_describes_the_network_api() {
        ApiClient.Response docs = ApiClient.anonymous(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/v1/network-definition")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/organisations/{code}")).isTrue();
        assertThat(docs.json().path("paths").has("/api/v1/services/{code}/versions")).isTrue();
        assertThat(ApiClient.anonymous(port).get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
