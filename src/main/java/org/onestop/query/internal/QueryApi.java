package org.onestop.query.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.onestop.access.CurrentCaller;
import org.onestop.platform.InvalidInput;
import org.onestop.platform.Problem;
import org.onestop.platform.Violation;
import org.onestop.query.QueryAnswer;
import org.onestop.query.QueryCall;
import org.onestop.query.RegistryQueries;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** Registry queries for member systems: {@code {"request": {...}, "caseId": "..."}} in, the signed answer out. */
@RestController
@Tag(name = "Registry queries", description = "Ask another organisation's register, under an agreement, once-only")
class QueryApi {

    private static final Set<String> KEYS = Set.of("request", "caseId");

    private final RegistryQueries queries;

    QueryApi(RegistryQueries queries) {
        this.queries = queries;
    }

    @PostMapping(value = "/api/v1/query/{provider}/{service}", consumes = "application/json", produces = "application/json")
    @Operation(summary = "Ask a provider's query service; the answer comes back signed by the platform")
    QueryAnswer ask(@PathVariable String provider, @PathVariable String service, @RequestBody JsonNode body) {
        String consumer = CurrentCaller.memberOrganisation().orElseThrow(() -> Problem.of(HttpStatus.FORBIDDEN,
                "members-only", "Only member systems ask registry queries",
                "Sign in as a member organisation's system (a bearer token signed with its registered key)."));
        return queries.ask(new QueryCall(consumer, provider, service, body.get("request"), caseId(body)));
    }

    private static UUID caseId(JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidInput("Invalid query", List.of(new Violation("", "must be an object with request and, optionally, caseId")));
        }
        for (Map.Entry<String, JsonNode> property : body.properties()) {
            if (!KEYS.contains(property.getKey())) {
                throw new InvalidInput("Invalid query", List.of(new Violation(property.getKey(), "unknown property")));
            }
        }
        JsonNode caseId = body.get("caseId");
        if (caseId == null || caseId.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(caseId.asString());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("Invalid query", List.of(new Violation("caseId", "must be a case id (a UUID)")));
        }
    }
}
