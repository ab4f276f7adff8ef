package org.onestop.intake;

import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * An application as it arrives.
 *
 * @param agent the organisation submitting for the principal, or {@code null} when the principal applies in person
 * @param actor who submitted: a member organisation's code, a staff user name, or {@code applicant}
 * @param idempotencyKey the submitter's key for retrying safely, or {@code null}
 */
public record NewApplication(String serviceCode, Principal principal, JsonNode form, Channel channel, String agent,
        String actor, String idempotencyKey) {

    public NewApplication {
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(actor, "actor");
    }
}
