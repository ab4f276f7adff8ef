package org.onestop.query.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

/**
 * Posts a signed query to a provider and waits for the whole answer at most the service's
 * timeout. What can go wrong is a value, so that the caller decides the problem and the breaker.
 */
@Component
class ProviderCall {

    static final int MAX_ANSWER_BYTES = 256 * 1024;
    private static final Duration MAX_CONNECT = Duration.ofSeconds(5);

    /** What came back: an HTTP answer, or the reason there was none. */
    record Reply(Integer status, String contentType, String body, Failure failure) {

        static Reply failed(Failure failure) {
            return new Reply(null, null, null, failure);
        }

        boolean answered() {
            return failure == null;
        }
    }

    enum Failure {
        TIMEOUT, UNREACHABLE, TOO_LARGE
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(MAX_CONNECT)
            .version(HttpClient.Version.HTTP_1_1).build();

    Reply post(URI target, String queryId, String signedQuery, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/jose")
                .header("Accept", "application/jose, application/json")
                .header("Idempotency-Key", queryId)
                .POST(HttpRequest.BodyPublishers.ofString(signedQuery))
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.body().length > MAX_ANSWER_BYTES) {
                return Reply.failed(Failure.TOO_LARGE);
            }
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    new String(response.body(), StandardCharsets.UTF_8), null);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return Reply.failed(Failure.TIMEOUT);
        } catch (ExecutionException e) {
            return Reply.failed(e.getCause() instanceof java.net.http.HttpTimeoutException ? Failure.TIMEOUT : Failure.UNREACHABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.failed(Failure.UNREACHABLE);
        } catch (IllegalArgumentException e) {
            return Reply.failed(Failure.UNREACHABLE);
        }
    }
}
