package org.onestop.query.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.onestop.query.QueryAgreement;
import org.onestop.query.QueryAnswer;
import org.onestop.query.QueryCall;

import tools.jackson.databind.JsonNode;

/** The JSON documents the platform signs: the query it forwards, and the answer it hands back. */
final class QueryStatements {

    private QueryStatements() {
    }

    /** What the provider receives (as the payload of the platform's JWS). */
    static String forward(UUID id, QueryCall call, QueryAgreement agreement, JsonNode request, Instant sentAt) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("queryId", id.toString());
        statement.put("consumer", call.consumer());
        statement.put("provider", call.provider());
        statement.put("service", call.service());
        statement.put("agreement", agreement.code());
        statement.put("purpose", agreement.purpose());
        statement.put("legalBasis", agreement.legalBasis());
        if (call.caseId() != null) {
            statement.put("caseId", call.caseId().toString());
        }
        statement.put("request", request);
        statement.put("sentAt", sentAt.toString());
        return QueryJson.CANONICAL.writeValueAsString(statement);
    }

    /** The answer without its signature: the payload of the signature. */
    static String json(QueryAnswer answer) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("id", answer.id().toString());
        statement.put("provider", answer.provider());
        statement.put("service", answer.service());
        statement.put("consumer", answer.consumer());
        statement.put("agreement", answer.agreement());
        statement.put("purpose", answer.purpose());
        statement.put("legalBasis", answer.legalBasis());
        statement.put("requestFields", answer.requestFields());
        statement.put("answer", answer.answer());
        statement.put("requestDigest", answer.requestDigest());
        statement.put("answerDigest", answer.answerDigest());
        statement.put("answeredAt", answer.answeredAt().toString());
        return QueryJson.CANONICAL.writeValueAsString(statement);
    }
}
