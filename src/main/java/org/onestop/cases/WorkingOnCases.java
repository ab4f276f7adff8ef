package org.onestop.cases;

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

    StepResult reject(UUID caseId, String step, String reason, String organisation, String actor);

    /** The applicant withdraws a case that is still open. */
    StepResult withdraw(UUID caseId, String actor);

    /**
     * What the step's organisation may see: the form fields that both the step takes and the
     * agreement allows, and the outputs of earlier steps it needs.
     */
    JsonNode inputFor(UUID caseId, String step);

    /**
     * The step's input shown to a person of the organisation handling it; every such view is
     * recorded as a {@code data-viewed} event, so applicants can see who used their data.
     *
     * @throws org.onestop.platform.NotFound when the step is not the organisation's to see
     */
    JsonNode viewInput(UUID caseId, String step, String organisation, String actor);
}
