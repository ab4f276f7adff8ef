package org.onestop.query;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A provider's answer as the platform hands it on.
 *
 * @param id the query's id, also the id of its {@code registry-queried} event
 * @param requestFields the dotted paths of the values the request carried
 * @param answer the answer, holding only the fields the consumer's agreement grants
 * @param signature a compact JWS by the platform whose payload is this answer's other fields as JSON
 */
public record QueryAnswer(UUID id, String provider, String service, String consumer, String agreement, String purpose,
        String legalBasis, List<String> requestFields, JsonNode answer, String requestDigest, String answerDigest,
        Instant answeredAt, String signature) {

    public QueryAnswer {
        requestFields = List.copyOf(requestFields);
    }
}
