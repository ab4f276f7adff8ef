package org.onestop.query;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import tools.jackson.databind.JsonNode;

/**
 * A query an organisation answers for others, such as an address register's look-up.
 *
 * @param provider the organisation that answers it
 * @param url where the platform posts the query; or {@code null} when {@code path} is given
 * @param path where the platform posts the query, relative to the provider's endpoint
 * @param timeout how long the platform waits for the answer; 5 s when not given
 * @param request the JSON Schema (2020-12) of a request
 * @param answer the JSON Schema (2020-12) of an answer
 */
@JsonPropertyOrder({"provider", "code", "title", "url", "path", "timeout", "request", "answer"})
public record QueryService(String provider, String code, String title, URI url, String path, Duration timeout,
        JsonNode request, JsonNode answer) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(30);

    public QueryService {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(answer, "answer");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** Where to post the query, given the provider's endpoint; empty when neither is known. */
    public Optional<URI> target(URI providerEndpoint) {
        if (url != null) {
            return Optional.of(url);
        }
        if (path == null || providerEndpoint == null) {
            return Optional.empty();
        }
        String base = providerEndpoint.toString();
        String joined = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + (path.startsWith("/") ? path : "/" + path);
        return Optional.of(URI.create(joined));
    }
}
