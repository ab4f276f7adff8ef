package org.onestop.mandates.internal;

import org.onestop.platform.Problem;
import org.springframework.http.HttpStatus;

/** The refusals of the mandates API, as RFC 9457 problems with a {@code reason} code. */
final class MandateProblem {

    private MandateProblem() {
    }

    static Problem of(HttpStatus status, String reason, String title, String detail) {
        return Problem.of(status, reason, title, detail);
    }

    static Problem forConfirmation(ConfirmingMandate.Refusal refusal) {
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
}
