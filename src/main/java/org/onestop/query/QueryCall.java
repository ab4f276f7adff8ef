package org.onestop.query;

import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * One use of a query service.
 *
 * @param consumer the calling organisation's code, or {@link QueryAgreement#PORTAL}
 * @param caseId the case the query concerns, if any; an organisation must work on it
 */
public record QueryCall(String consumer, String provider, String service, JsonNode request, UUID caseId) {

    public QueryCall {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(service, "service");
    }
}
