package org.onestop.intake;

import java.util.List;
import java.util.UUID;

import org.onestop.platform.Violation;

import tools.jackson.databind.JsonNode;

/** Corrected answers for an application an organisation sent back to its applicant. */
public interface CorrectingApplications {

    /**
     * Replaces the application's answers with the corrected ones, which must be valid against the
     * form of the service version the application was made under. The earlier answers are kept
     * as a revision, and an {@code application-corrected} event names the fields that changed
     * (never their values), in the caller's transaction.
     *
     * @param changedFields dotted paths of the answers that changed, as the caller found them
     * @return what breaks the form's rules; empty when the correction was stored
     * @throws org.onestop.platform.NotFound when there is no such application
     */
    List<Violation> correct(UUID applicationId, JsonNode form, List<String> changedFields, String actor);
}
