package org.onestop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Value;

/** GOV.UK Frontend comes from the webjar, version-less, with its fonts and images where its CSS expects them. */
@OneStopTest
class StaticAssetsTests {

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void serves_govuk_frontend_css_and_js_from_the_webjar_without_a_version_in_the_path() throws Exception {
        assertServed("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css", "text/css");
        assertServed("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js", "text/javascript");
    }

    @Test
    void serves_the_fonts_and_images_the_stylesheet_refers_to_under_assets() throws Exception {
        assertServed("/assets/fonts/bold-b542beb274-v2.woff2", "font/woff2");
        assertServed("/assets/images/favicon.svg", "image/svg+xml");
        assertServed("/favicon.ico", "image/");
    }

    @Test
    void serves_onestops_own_scripts_and_styles_under_assets() throws Exception {
        assertServed("/assets/onestop/frontend-supported.js", "text/javascript");
        assertServed("/assets/onestop/init.js", "text/javascript");
        assertServed("/assets/onestop/onestop.css", "text/css");
    }

    private void assertServed(String path, String type) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                value -> assertThat(value).startsWith(type));
        assertThat(response.body()).as(path).isNotEmpty();
    }
}
