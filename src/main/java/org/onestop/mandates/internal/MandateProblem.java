package org.onestop.mandates.internal;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refusal on the mandates API, answered as an RFC 9457 problem with a {@code reason} code. */
final class MandateProblem extends ErrorResponseException {

    private static final String TYPE_BASE = "https://onestop.example/problems/";

    private MandateProblem(HttpStatus status, String reason, String title, String detail) {
        super(status, problem(status, reason, title, detail), null);
    }

    static MandateProblem of(HttpStatus status, String reason, String title, String detail) {
        return new MandateProblem(status, reason, title, detail);
    }

    static MandateProblem forConfirmation(ConfirmingMandate.Refusal refusal) {
        return switch (refusal) {
            case UNKNOWN -> of(HttpStatus.NOT_FOUND, "confirmation-unknown", "Unknown confirmation link",
                    "No mandate waits for this confirmation token; check that the link was copied whole.");
            case USED -> of(HttpStatus.CONFLICT, "confirmation-used", "Confirmation link already used",
                    "This confirmation link has been used already; each link confirms its mandate once.");
            case EXPIRED -> of(HttpStatus.GONE, "confirmation-expired", "Confirmation link expired",
                    "Confirmation links last " + ConfirmingMandate.TOKEN_LIFETIME.toDays()
                            + " days; ask the agent to request the mandate again.");
            case WITHDRAWN -> of(HttpStatus.CONFLICT, "mandate-revoked", "Mandate withdrawn",
                    "The mandate was revoked before it was confirmed.");
        };
    }

    private static ProblemDetail problem(HttpStatus status, String reason, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + reason));
        problem.setTitle(title);
        problem.setProperty("reason", reason);
        return problem;
    }
}
