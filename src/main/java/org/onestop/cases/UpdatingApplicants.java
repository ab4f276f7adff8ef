package org.onestop.cases;

import java.util.List;
import java.util.UUID;

import org.onestop.platform.Violation;

/**
 * Status updates to the applicant: an organisation tells the applicant, in a few words, how its
 * step of the case is going. Each is an {@code applicant-updated} event of the case and its step,
 * and shows on the applicant's status page.
 */
public interface UpdatingApplicants {

    /** The longest message, in characters. */
    int MAX_MESSAGE = 500;

    /**
     * Sends an update about a step that is ready or in progress, by the organisation handling it,
     * while the case is open.
     *
     * @param idempotencyKey the sender's key for retrying safely, or {@code null}: the same key with
     *        the same message is the same update; with another message it is refused
     */
    Result send(UUID caseId, String step, String message, String idempotencyKey, String organisation, String actor);

    /** The case's updates, oldest first. */
    List<ApplicantUpdate> of(UUID caseId);

    /** What became of an update. Expected refusals are results. */
    sealed interface Result {
    }

    /** Sent now, or earlier with the same key and message ({@code replayed}). */
    record Sent(ApplicantUpdate update, boolean replayed) implements Result {
    }

    /** The message is empty or too long. */
    record Invalid(List<Violation> violations) implements Result {
    }

    /** The case or step is not in a state to update about, or the step is another organisation's. */
    record NotAllowed(String why) implements Result {
    }

    /** The key was used before for another message. */
    record KeyReused(ApplicantUpdate earlier) implements Result {
    }
}
