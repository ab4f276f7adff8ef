package org.onestop.definition;

import java.text.ParseException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.onestop.catalog.FormFields;
import org.onestop.catalog.ServiceDefinition;
import org.onestop.catalog.ServiceRules;
import org.onestop.insight.PublicValueIndicator;
import org.onestop.insight.Segment;
import org.onestop.network.Agreement;
import org.onestop.network.Organisation;
import org.onestop.platform.Violation;
import org.onestop.query.QueryRules;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * The rules that span a whole definition: unique codes, references between organisations,
 * agreements and services, public keys that really are public, and each service's own rules.
 */
final class DefinitionRules {

    private DefinitionRules() {
    }

    static List<Violation> check(OverlaidNetwork network, LocalDate today) {
        var definition = network.definition();
        List<Violation> violations = new ArrayList<>();
        duplicates(definition.organisations(), Organisation::code, "organisations", violations);
        duplicates(definition.agreements(), Agreement::code, "agreements", violations);
        duplicates(definition.services(), ServiceDefinition::code, "services", violations);
        for (int i = 0; i < definition.organisations().size(); i++) {
            checkKeys(definition.organisations().get(i), "organisations[" + i + "].jwks", violations);
        }
        for (int i = 0; i < definition.agreements().size(); i++) {
            checkAgreement(network, definition.agreements().get(i), "agreements[" + i + "]", violations);
        }
        ServiceRules rules = new ServiceRules(network, today);
        for (int i = 0; i < definition.services().size(); i++) {
            violations.addAll(rules.check(definition.services().get(i), "services[" + i + "]"));
        }
        violations.addAll(QueryRules.check(definition.queryServices(), definition.queryAgreements(),
                code -> network.organisation(code).isPresent(), network::storedQueryService));
        if (definition.publicValue() != null) {
            violations.addAll(checkPublicValue(network, definition.publicValue()));
        }
        return violations;
    }

    /**
     * The scorecard's rules: unique codes, a known service, a segment the metric can be measured
     * for, and shares between 0 and 1.
     */
    static List<Violation> checkPublicValue(OverlaidNetwork network, List<PublicValueIndicator> indicators) {
        List<Violation> violations = new ArrayList<>();
        duplicates(indicators, PublicValueIndicator::code, "publicValue", violations);
        for (int i = 0; i < indicators.size(); i++) {
            PublicValueIndicator indicator = indicators.get(i);
            String at = "publicValue[" + i + "]";
            if (network.service(indicator.service()).isEmpty()) {
                violations.add(new Violation(at + ".service", "unknown service '" + indicator.service() + "'"));
            }
            Segment segment = indicator.segment();
            if (segment != null && segment.channel() != null && !PublicValueIndicator.BY_CHANNEL.contains(indicator.metric())) {
                violations.add(new Violation(at + ".segment.channel", "metric '" + indicator.metric()
                        + "' cannot be measured per channel"));
            }
            if (segment != null && segment.byApplicant() && !PublicValueIndicator.BY_APPLICANT.contains(indicator.metric())) {
                violations.add(new Violation(at + ".segment", "metric '" + indicator.metric()
                        + "' cannot be measured by principal or representation"));
            }
            if (PublicValueIndicator.SHARES.contains(indicator.metric())) {
                share(indicator.baseline(), at + ".baseline", violations);
                share(indicator.target(), at + ".target", violations);
            }
        }
        return violations;
    }

    private static void share(Double value, String at, List<Violation> violations) {
        if (value != null && (value < 0 || value > 1)) {
            violations.add(new Violation(at, "a share is written between 0 and 1 (0.85 for 85 %)"));
        }
    }

    private static <T> void duplicates(List<T> items, Function<T, String> code, String path, List<Violation> violations) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(code.apply(items.get(i)))) {
                violations.add(new Violation(path + "[" + i + "].code", "duplicate code '" + code.apply(items.get(i)) + "'"));
            }
        }
    }

    private static void checkKeys(Organisation organisation, String at, List<Violation> violations) {
        try {
            for (JWK key : JWKSet.parse(organisation.jwks()).getKeys()) {
                if (key.isPrivate()) {
                    violations.add(new Violation(at, "key '" + key.getKeyID() + "' contains private key material; "
                            + "register only public keys"));
                }
                if (key.getKeyID() == null) {
                    violations.add(new Violation(at, "every key needs a key id (kid)"));
                }
            }
        } catch (ParseException e) {
            violations.add(new Violation(at, "not a valid JWK set: " + e.getMessage()));
        }
    }

    private static void checkAgreement(OverlaidNetwork network, Agreement agreement, String at, List<Violation> violations) {
        if (network.organisation(agreement.organisation()).isEmpty()) {
            violations.add(new Violation(at + ".organisation", "unknown organisation '" + agreement.organisation() + "'"));
        }
        if (agreement.validTo() != null && agreement.validTo().isBefore(agreement.validFrom())) {
            violations.add(new Violation(at + ".validTo", "must not be before validFrom"));
        }
        Optional<ServiceDefinition> service = network.service(agreement.service());
        if (service.isEmpty()) {
            violations.add(new Violation(at + ".service", "unknown service '" + agreement.service() + "'"));
            return;
        }
        for (String step : agreement.steps()) {
            if (service.get().step(step).isEmpty()) {
                violations.add(new Violation(at + ".steps", "service '" + agreement.service() + "' has no step '" + step + "'"));
            }
        }
        for (String field : agreement.fields()) {
            if (service.get().form() == null || FormFields.schemaAt(service.get().form(), field) == null) {
                violations.add(new Violation(at + ".fields", "the form of service '" + agreement.service()
                        + "' has no field '" + field + "'"));
            }
        }
    }
}
