package org.onestop.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import org.onestop.catalog.FormFields;
import org.onestop.platform.JsonSchemas;
import org.onestop.platform.Violation;

/**
 * The rules for query services and their agreements in a network definition, beyond the
 * document's shape: unique codes, known organisations and services, usable schemas, a place to
 * send the query, and granted fields that the answer really has.
 */
public final class QueryRules {

    private QueryRules() {
    }

    /**
     * @param organisationExists whether an organisation with this code is (or will be) in the network
     * @param storedService a query service already stored, for agreements that name one the document does not
     */
    public static List<Violation> check(List<QueryService> services, List<QueryAgreement> agreements,
            Predicate<String> organisationExists, BiFunction<String, String, Optional<QueryService>> storedService) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            QueryService service = services.get(i);
            String at = "queryServices[" + i + "]";
            if (!seen.add(service.provider() + "/" + service.code())) {
                violations.add(new Violation(at + ".code", "duplicate query service '" + service.code() + "' of '"
                        + service.provider() + "'"));
            }
            if (QueryAgreement.PORTAL.equals(service.provider()) || !organisationExists.test(service.provider())) {
                violations.add(new Violation(at + ".provider", "unknown organisation '" + service.provider() + "'"));
            }
            if ((service.url() == null) == (service.path() == null)) {
                violations.add(new Violation(at, "give either url or path (relative to the provider's endpoint)"));
            }
            if (service.timeout().isNegative() || service.timeout().isZero()
                    || service.timeout().compareTo(QueryService.MAX_TIMEOUT) > 0) {
                violations.add(new Violation(at + ".timeout", "must be more than 0 and at most 30 seconds"));
            }
            violations.addAll(JsonSchemas.checkSchema(service.request(), at + ".request"));
            violations.addAll(JsonSchemas.checkSchema(service.answer(), at + ".answer"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < agreements.size(); i++) {
            QueryAgreement agreement = agreements.get(i);
            String at = "queryAgreements[" + i + "]";
            if (!codes.add(agreement.code())) {
                violations.add(new Violation(at + ".code", "duplicate code '" + agreement.code() + "'"));
            }
            if (!QueryAgreement.PORTAL.equals(agreement.consumer()) && !organisationExists.test(agreement.consumer())) {
                violations.add(new Violation(at + ".consumer", "unknown organisation '" + agreement.consumer()
                        + "' (or '" + QueryAgreement.PORTAL + "' for the applicant portal)"));
            }
            if (agreement.validTo() != null && agreement.validTo().isBefore(agreement.validFrom())) {
                violations.add(new Violation(at + ".validTo", "must not be before validFrom"));
            }
            Optional<QueryService> service = services.stream()
                    .filter(s -> s.provider().equals(agreement.provider()) && s.code().equals(agreement.service()))
                    .findFirst().or(() -> storedService.apply(agreement.provider(), agreement.service()));
            if (service.isEmpty()) {
                violations.add(new Violation(at + ".service", "'" + agreement.provider() + "' offers no query service '"
                        + agreement.service() + "'"));
                continue;
            }
            for (String field : agreement.fields()) {
                if (FormFields.schemaAt(service.get().answer(), field) == null) {
                    violations.add(new Violation(at + ".fields", "the answer of '" + agreement.service()
                            + "' has no field '" + field + "'"));
                }
            }
        }
        return violations;
    }
}
