package org.onestop.network;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Who does which steps of which service, on what terms.
 *
 * @param sla the maximum duration of each covered step
 * @param fields the application fields (dotted paths) the organisation may receive
 * @param validTo last day of validity, or {@code null} for open-ended
 */
public record Agreement(String code, String organisation, String service, List<String> steps,
        GovernanceMode governance, Duration sla, Money costPerCase, List<String> fields, String legalBasis,
        LocalDate validFrom, LocalDate validTo, ActivityProfile activity) {

    public Agreement {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(governance, "governance");
        Objects.requireNonNull(validFrom, "validFrom");
        steps = List.copyOf(steps);
        fields = List.copyOf(fields);
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public boolean covers(String serviceCode, String stepCode) {
        return service.equals(serviceCode) && steps.contains(stepCode);
    }
}
