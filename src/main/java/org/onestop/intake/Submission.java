package org.onestop.intake;

import java.util.List;

import org.onestop.mandates.MandateRefusal;
import org.onestop.platform.Violation;

/** What became of a submitted application. Expected refusals are results, not exceptions. */
public sealed interface Submission {

    /** Stored; {@code replayed} when the idempotency key had already been used for the same application. */
    record Accepted(Receipt receipt, boolean replayed) implements Submission {
    }

    /** The form or the principal breaks the service's rules. */
    record Invalid(List<Violation> violations) implements Submission {
    }

    /** The agent holds no mandate that lets it act for the principal. */
    record NotMandated(MandateRefusal refusal) implements Submission {
    }

    /** The idempotency key was used before for a different application. */
    record KeyReused(String idempotencyKey) implements Submission {
    }
}
