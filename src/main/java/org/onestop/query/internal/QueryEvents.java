package org.onestop.query.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.platform.Ids;
import org.onestop.query.QueryAgreement;
import org.onestop.query.QueryAnswer;
import org.onestop.query.QueryCall;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Writes what each query did to the event log: {@code registry-queried} once per call, whatever
 * its outcome, and {@code registry-query-attributed} when an earlier query turns out to concern
 * an application. Attributes that do not apply to an outcome (no answer, no agreement) are left out.
 */
@Component
class QueryEvents {

    static final String QUERIED = "registry-queried";
    static final String ATTRIBUTED = "registry-query-attributed";

    private final EventLog eventLog;
    private final TransactionTemplate transaction;
    private final Clock clock;

    QueryEvents(EventLog eventLog, TransactionTemplate transaction, Clock clock) {
        this.eventLog = eventLog;
        this.transaction = transaction;
        this.clock = clock;
    }

    Record start(UUID id, QueryCall call) {
        return new Record(id, call);
    }

    /** One event per signed answer statement (see {@link QueryStatements#json}), naming the application. */
    void attributed(List<JsonNode> statements, UUID applicationId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transaction.executeWithoutResult(tx -> statements.forEach(statement -> {
            String consumer = statement.path("consumer").asString();
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("query", statement.path("id").asString());
            attributes.put("queriedAt", statement.path("answeredAt").asString());
            attributes.put("provider", statement.path("provider").asString());
            attributes.put("service", statement.path("service").asString());
            attributes.put("requester", consumer);
            attributes.put("purpose", statement.path("purpose").asString());
            attributes.put("requestFields", strings(statement.path("requestFields")));
            attributes.put("answerFields", QueryJson.fields(statement.path("answer")));
            attributes.put("agreement", statement.path("agreement").asString());
            attributes.put("legalBasis", statement.path("legalBasis").asString());
            attributes.put("requestDigest", statement.path("requestDigest").asString());
            attributes.put("answerDigest", statement.path("answerDigest").asString());
            attributes.put("outcome", "answered");
            eventLog.append(new Event(Ids.newId(clock), now, ATTRIBUTED, applicationId, applicationId, null,
                    organisationOf(consumer), channelOf(consumer), consumer, withoutNulls(attributes)));
        }));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> values) {
        Map<String, Object> kept = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value != null) {
                kept.put(key, value);
            }
        });
        return kept;
    }

    private static String organisationOf(String consumer) {
        return QueryAgreement.PORTAL.equals(consumer) ? null : consumer;
    }

    private static String channelOf(String consumer) {
        return QueryAgreement.PORTAL.equals(consumer) ? "portal" : "api";
    }

    /** One call's facts as they become known; ending it writes the event. */
    final class Record {

        private final UUID id;
        private final QueryCall call;
        private QueryAgreement agreement;
        private UUID caseId;
        private List<String> requestFields;
        private String requestDigest;
        private List<String> answerFields;
        private String answerDigest;

        private Record(UUID id, QueryCall call) {
            this.id = id;
            this.call = call;
        }

        UUID id() {
            return id;
        }

        QueryCall call() {
            return call;
        }

        void agreement(QueryAgreement granting) {
            this.agreement = granting;
        }

        void concerns(UUID concerned) {
            this.caseId = concerned;
        }

        void request(List<String> fields, String digest) {
            this.requestFields = fields;
            this.requestDigest = digest;
        }

        void answer(List<String> fields, String digest) {
            this.answerFields = fields;
            this.answerDigest = digest;
        }

        QueryAnswer answerOf(JsonNode answer, Instant answeredAt, String signature) {
            return new QueryAnswer(id, call.provider(), call.service(), call.consumer(), agreement.code(),
                    agreement.purpose(), agreement.legalBasis(), requestFields, answer, requestDigest, answerDigest,
                    answeredAt, signature);
        }

        /** Writes the event with this outcome and hands back the refusal to throw. */
        <E extends RuntimeException> E ended(String outcome, E refusal) {
            ended(outcome);
            return refusal;
        }

        void ended(String outcome) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("provider", call.provider());
            attributes.put("service", call.service());
            attributes.put("requester", call.consumer());
            attributes.put("purpose", agreement == null ? null : agreement.purpose());
            attributes.put("requestFields", requestFields);
            attributes.put("answerFields", answerFields);
            attributes.put("agreement", agreement == null ? null : agreement.code());
            attributes.put("legalBasis", agreement == null ? null : agreement.legalBasis());
            attributes.put("requestDigest", requestDigest);
            attributes.put("answerDigest", answerDigest);
            attributes.put("outcome", outcome);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            transaction.executeWithoutResult(tx -> eventLog.append(new Event(id, now, QUERIED, caseId, caseId, null,
                    organisationOf(call.consumer()), channelOf(call.consumer()), call.consumer(),
                    withoutNulls(attributes))));
        }
    }
}
