package org.onestop.cases;

import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * What organisations and applicants do with a case. Every step action names the organisation
 * acting, and only the organisation that handles a step may act on it.
 */
public interface WorkingOnCases {

    StepResult start(UUID caseId, String step, String organisation, String actor);

    /** Completes a step with outputs valid against the step's output schema; releases the steps that waited on it. */
    StepResult complete(UUID caseId, String step, JsonNode output, String organisation, String actor);

    /** Rejects a step for good: the case closes as rejected. */
    StepResult reject(UUID caseId, String step, String reason, String organisation, String actor);

    /**
     * Sends a ready or in-progress step back to the applicant: the step waits for the correction
     * and the case stays open.
     *
     * @param fields dotted paths of the form fields to correct, each one the step takes (or lies
     *        within one it takes); empty when the applicant may correct every answer the step takes
     */
    StepResult askForCorrection(UUID caseId, String step, String reason, List<String> fields, String organisation,
            String actor);

    /**
     * The fields the applicant may now correct: those asked by the steps waiting for a correction
     * (every answer a step takes when it named none). Empty when no step waits for one.
     */
    List<String> correctableFields(UUID caseId);

    /**
     * The applicant's corrected answers (the whole form): checked against the service's form,
     * stored with the earlier answers kept, and every step that waited for the correction is
     * ready again, for a new round. Changes to answers that no step asked to correct are refused.
     */
    StepResult correct(UUID caseId, JsonNode form, String actor);

    /** The applicant withdraws a case that is still open. */
    StepResult withdraw(UUID caseId, String actor);

    /**
     * What the step's organisation may see: the form fields that both the step takes and the
     * agreement allows, and the outputs of earlier steps it needs.
     */
    JsonNode inputFor(UUID caseId, String step);

    /** {@link #inputFor(UUID, String)} of a case the caller has just read (in its transaction), without reading it again. */
    JsonNode inputFor(Case current, String step);

    /**
     * The step's input shown to a person of the organisation handling it; every such view is
     * recorded as a {@code data-viewed} event, so applicants can see who used their data.
     *
     * @throws org.onestop.platform.NotFound when the step is not the organisation's to see
     */
    JsonNode viewInput(UUID caseId, String step, String organisation, String actor);
}
