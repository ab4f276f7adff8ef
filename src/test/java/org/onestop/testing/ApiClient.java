package org.onestop.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP to the running platform, as a script of the network's manager would call it. */
public final class ApiClient {

    public static final String MANAGER = "manager";
    public static final String MANAGER_PASSWORD = "correct-horse-battery-staple-42";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final java.util.function.Supplier<String> authorization;

    private ApiClient(String base, String authorization) {
        this(base, () -> authorization);
    }

    private ApiClient(String base, java.util.function.Supplier<String> authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** A member organisation's system: every request carries a fresh signed token. */
    public static ApiClient asMember(int port, MemberSystem member) {
        return new ApiClient("http://localhost:" + port, () -> "Bearer " + member.token());
    }

    public static ApiClient asManager(int port) {
        return withBasic(port, MANAGER, MANAGER_PASSWORD);
    }

    public static ApiClient withBasic(int port, String user, String password) {
        return new ApiClient("http://localhost:" + port, "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient("http://localhost:" + port, (String) null);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    public Response post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response post(String path, String contentType, String body, String idempotencyKey) {
        return send(request(path).header("Content-Type", contentType).header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        String value = authorization.get();
        if (value != null) {
            builder.header("Authorization", value);
        }
        return builder;
    }

    /** A response with its body, read as JSON on demand. */
    public record Response(int status, String contentType, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
