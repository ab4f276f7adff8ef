package org.onestop.query.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.onestop.cases.Case;
import org.onestop.cases.Cases;
import org.onestop.keys.PlatformKeys;
import org.onestop.network.Organisation;
import org.onestop.network.Organisations;
import org.onestop.platform.Ids;
import org.onestop.platform.InvalidInput;
import org.onestop.platform.JsonSchemas;
import org.onestop.platform.NotFound;
import org.onestop.platform.Problem;
import org.onestop.platform.Violation;
import org.onestop.query.QueryAgreement;
import org.onestop.query.QueryAnswer;
import org.onestop.query.QueryCall;
import org.onestop.query.QueryService;
import org.onestop.query.RegistryQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platform's path for every registry query: agreement, case and request checked first; then
 * the provider is asked (signed, within the service's timeout, unless its breaker is open); its
 * answer is verified, checked against the answer schema, cut to the granted fields and signed by
 * the platform. Each call ends in one {@code registry-queried} event, answered or not.
 */
@Service
class AskingRegistry implements RegistryQueries {

    private static final Logger log = LoggerFactory.getLogger(AskingRegistry.class);

    private final JdbcQueryServices queries;
    private final Organisations organisations;
    private final Cases cases;
    private final PlatformKeys keys;
    private final ProviderCall providers;
    private final ProviderBreakers breakers;
    private final QueryEvents events;
    private final Clock clock;

    AskingRegistry(JdbcQueryServices queries, Organisations organisations, Cases cases, PlatformKeys keys,
            ProviderCall providers, ProviderBreakers breakers, QueryEvents events, Clock clock) {
        this.queries = queries;
        this.organisations = organisations;
        this.cases = cases;
        this.keys = keys;
        this.providers = providers;
        this.breakers = breakers;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public QueryAnswer ask(QueryCall call) {
        QueryService service = queries.find(call.provider(), call.service())
                .orElseThrow(() -> new NotFound("'" + call.provider() + "' offers no query service '" + call.service() + "'"));
        QueryEvents.Record record = events.start(Ids.newId(clock), call);
        Optional<QueryAgreement> agreement = queries.agreementsFor(call.consumer(), call.provider(), call.service()).stream()
                .filter(a -> a.validOn(LocalDate.now(clock))).findFirst();
        if (agreement.isEmpty()) {
            throw record.ended("refused", Problem.of(HttpStatus.FORBIDDEN, "no-query-agreement", "No agreement grants this query",
                    "No agreement in force grants '" + call.consumer() + "' the use of '" + call.service() + "' of '"
                            + call.provider() + "'."));
        }
        record.agreement(agreement.get());
        UUID caseId = call.caseId();
        if (caseId != null && !QueryAgreement.PORTAL.equals(call.consumer())) {
            Optional<Case> concerned = cases.find(caseId);
            if (concerned.isEmpty() || concerned.get().steps().stream().noneMatch(s -> call.consumer().equals(s.organisation()))) {
                throw record.ended("not-your-case", Problem.of(HttpStatus.FORBIDDEN, "not-your-case",
                        "Not a case you work on", "'" + call.consumer() + "' does not work on case " + caseId + "."));
            }
            record.concerns(caseId);
        }
        JsonNode request = call.request() == null ? JsonNodeFactory.instance.nullNode() : call.request();
        List<Violation> violations = JsonSchemas.validate(service.request(), request, "request");
        if (!violations.isEmpty()) {
            throw record.ended("invalid-request", new InvalidInput("The request does not match the query's request schema",
                    violations));
        }
        record.request(QueryJson.fields(request), QueryJson.digest(request));
        Organisation provider = organisations.find(call.provider()).filter(Organisation::active).orElse(null);
        Optional<URI> target = provider == null ? Optional.empty() : service.target(provider.endpoint());
        if (target.isEmpty()) {
            throw record.ended("no-endpoint", unavailable("no-endpoint", "The provider cannot be reached",
                    "'" + call.provider() + "' has no active endpoint for '" + call.service() + "'."));
        }
        if (!breakers.tryPass(call.provider())) {
            Problem open = unavailable("breaker-open", "The provider is not answering",
                    "Queries to '" + call.provider() + "' are held back after repeated failures; try again later.");
            open.getHeaders().set("Retry-After", String.valueOf(Math.max(1, breakers.retryAfter(call.provider()).toSeconds())));
            throw record.ended("breaker-open", open);
        }
        JsonNode answer = answerOf(record, service, provider, target.get(), agreement.get(), request);
        ObjectNode granted = QueryJson.granted(answer, agreement.get().fields());
        record.answer(QueryJson.fields(granted), QueryJson.digest(granted));
        QueryAnswer unsigned = record.answerOf(granted, clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
        QueryAnswer signed = record.answerOf(granted, unsigned.answeredAt(), keys.sign(QueryStatements.json(unsigned)));
        record.ended("answered");
        return signed;
    }

    @Override
    public void attribute(List<String> signedAnswers, UUID applicationId) {
        events.attributed(signedAnswers.stream().map(this::verified).flatMap(Optional::stream).toList(), applicationId);
    }

    /** The statement of an answer this platform signed, if the signature verifies with one of its keys. */
    private Optional<JsonNode> verified(String signedAnswer) {
        Optional<JsonNode> statement = ProviderSignature.verifiedPayload(signedAnswer, keys.publicJwks())
                .map(QueryJson.CANONICAL::readTree);
        if (statement.isEmpty()) {
            log.warn("An answer to attribute to an application does not carry the platform's signature; skipped");
        }
        return statement;
    }

    /** Asks the provider and reads its answer; counts the outcome on the provider's breaker. */
    private JsonNode answerOf(QueryEvents.Record record, QueryService service, Organisation provider, URI target,
            QueryAgreement agreement, JsonNode request) {
        String statement = QueryStatements.forward(record.id(), record.call(), agreement, request, clock.instant());
        ProviderCall.Reply reply = providers.post(target, record.id().toString(), keys.sign(statement), service.timeout());
        if (!reply.answered() && reply.failure() != ProviderCall.Failure.TOO_LARGE) {
            breakers.failed(provider.code());
            if (reply.failure() == ProviderCall.Failure.TIMEOUT) {
                throw record.ended("timeout", Problem.of(HttpStatus.GATEWAY_TIMEOUT, "provider-timeout",
                        "The provider did not answer in time", "'" + provider.code() + "' did not answer within "
                                + seconds(service.timeout()) + "."));
            }
            throw record.ended("unreachable", badGateway("provider-unreachable", "The provider cannot be reached",
                    "'" + provider.code() + "' could not be reached."));
        }
        int status = reply.answered() ? reply.status() : 200;
        if (status >= 500 || status == 408 || status == 429) {
            breakers.failed(provider.code());
            throw record.ended("provider-error", badGateway("provider-error", "The provider failed",
                    "'" + provider.code() + "' answered HTTP " + status + "."));
        }
        breakers.answered(provider.code());
        if (!reply.answered()) {
            throw record.ended("invalid-answer", badGateway("invalid-answer", "The provider's answer was refused",
                    "The answer is larger than " + ProviderCall.MAX_ANSWER_BYTES + " bytes."));
        }
        if (status / 100 != 2) {
            throw record.ended("provider-refused", badGateway("provider-refused", "The provider refused the query",
                    "'" + provider.code() + "' answered HTTP " + status + "."));
        }
        String json = reply.body();
        if (ProviderSignature.looksLikeJws(reply.contentType(), reply.body())) {
            Optional<String> payload = ProviderSignature.verifiedPayload(reply.body(), provider.jwks());
            if (payload.isEmpty()) {
                throw record.ended("unverified-answer", badGateway("unverified-answer", "The provider's answer was refused",
                        "The answer's signature does not verify with a key registered for '" + provider.code() + "'."));
            }
            json = payload.get();
        }
        JsonNode answer;
        try {
            answer = QueryJson.CANONICAL.readTree(json);
        } catch (JacksonException e) {
            answer = null;
        }
        List<Violation> violations = answer == null || !answer.isObject() ? List.of(new Violation("", "not a JSON object"))
                : JsonSchemas.validate(service.answer(), answer, "");
        if (!violations.isEmpty()) {
            log.warn("Query {} to {}/{}: the answer does not match the answer schema: {}", record.id(), provider.code(),
                    service.code(), violations);
            throw record.ended("invalid-answer", badGateway("invalid-answer", "The provider's answer was refused",
                    "The answer does not match the answer schema of '" + service.code() + "'."));
        }
        return answer;
    }

    private static Problem unavailable(String reason, String title, String detail) {
        return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, reason, title, detail);
    }

    private static Problem badGateway(String reason, String title, String detail) {
        return Problem.of(HttpStatus.BAD_GATEWAY, reason, title, detail);
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
