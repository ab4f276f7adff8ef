package org.onestop.mandates;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An agent's authority to act for a principal for some services during a period. */
public record Mandate(UUID id, String agent, String principal, List<String> services, LocalDate validFrom,
        LocalDate validTo, MandateStatus status) {

    public Mandate {
        services = List.copyOf(services);
    }

    /** Why this mandate does not let its agent act for the service on the day, or {@code null} when it does. */
    public MandateRefusal refusalFor(String service, LocalDate day) {
        if (status == MandateStatus.REVOKED) {
            return MandateRefusal.REVOKED;
        }
        if (status == MandateStatus.REQUESTED) {
            return MandateRefusal.NOT_CONFIRMED;
        }
        if (!services.contains(service)) {
            return MandateRefusal.OTHER_SERVICE;
        }
        if (day.isBefore(validFrom)) {
            return MandateRefusal.NOT_YET_VALID;
        }
        if (validTo != null && day.isAfter(validTo)) {
            return MandateRefusal.EXPIRED;
        }
        return null;
    }
}
