package org.onestop.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Grants a consumer the use of a provider's query service.
 *
 * @param consumer an organisation's code, or {@link #PORTAL} for the applicant portal's prefill
 * @param fields the answer's fields (dotted paths) the consumer may receive; the rest is withheld
 * @param validTo last day of validity, or {@code null} for open-ended
 */
@JsonPropertyOrder({"code", "consumer", "provider", "service", "purpose", "legalBasis", "fields", "validFrom", "validTo"})
public record QueryAgreement(String code, String consumer, String provider, String service, String purpose,
        String legalBasis, List<String> fields, LocalDate validFrom, LocalDate validTo) {

    /** The reserved consumer code of the applicant portal. */
    public static final String PORTAL = "portal";

    public QueryAgreement {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(validFrom, "validFrom");
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public boolean grants(String consumerCode, String providerCode, String serviceCode) {
        return consumer.equals(consumerCode) && provider.equals(providerCode) && service.equals(serviceCode);
    }
}
