package org.onestop.platform;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An expected refusal, answered as an RFC 9457 problem whose {@code reason} names it in a way
 * clients can branch on: {@code Problem.of(CONFLICT, "idempotency-key-reused", title, detail)}.
 */
public final class Problem extends ErrorResponseException {

    public static final String TYPE_BASE = "https://onestop.example/problems/";

    private Problem(HttpStatus status, ProblemDetail body) {
        super(status, body, null);
    }

    public static Problem of(HttpStatus status, String reason, String title, String detail) {
        return of(status, reason, reason, title, detail);
    }

    /** A problem of a broad type ({@code no-mandate}) with a finer reason ({@code expired}). */
    public static Problem of(HttpStatus status, String type, String reason, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        body.setProperty("reason", reason);
        return new Problem(status, body);
    }
}
