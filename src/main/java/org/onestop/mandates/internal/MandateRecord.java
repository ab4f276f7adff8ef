package org.onestop.mandates.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.onestop.mandates.Mandate;
import org.onestop.mandates.MandateStatus;

/**
 * A mandate as the register keeps it, with when and by whom it changed. {@code status} is the
 * effective one: {@code requested}, {@code active}, {@code revoked}, or {@code expired} once past
 * {@code validTo}.
 */
record MandateRecord(UUID id, String agent, String principal, String principalName, List<String> services,
        LocalDate validFrom, LocalDate validTo, String status, Instant requestedAt, Instant confirmedAt,
        Instant revokedAt, String revokedBy) {

    static MandateRecord of(Mandate mandate, String principalName, Instant requestedAt, Instant confirmedAt,
            Instant revokedAt, String revokedBy, LocalDate today) {
        return new MandateRecord(mandate.id(), mandate.agent(), mandate.principal(), principalName, mandate.services(),
                mandate.validFrom(), mandate.validTo(), effectiveStatus(mandate, today), requestedAt, confirmedAt,
                revokedAt, revokedBy);
    }

    static String effectiveStatus(Mandate mandate, LocalDate today) {
        if (mandate.status() != MandateStatus.REVOKED && mandate.validTo() != null && today.isAfter(mandate.validTo())) {
            return "expired";
        }
        return mandate.status().name().toLowerCase(java.util.Locale.ROOT);
    }
}
