package org.onestop.mandates.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Ends a mandate (requested or active) for good; a revoked mandate allows nothing. */
@Component
final class RevokingMandate {

    private final MandateRegister register;
    private final MandateEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RevokingMandate(MandateRegister register, MandateEvents events, TransactionTemplate transaction, Clock clock) {
        this.register = register;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The revoked mandate, or empty when it was revoked already. */
    java.util.Optional<MandateRecord> revoke(MandateRegister.Entry entry, Revoker by, String actor) {
        UUID id = entry.mandate().id();
        return transaction.execute(status -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            if (!register.revoke(id, by, now)) {
                return java.util.Optional.<MandateRecord>empty();
            }
            events.log(MandateEvents.REVOKED, entry.mandate(), actor, now, Map.of("revokedBy", by.code()));
            return java.util.Optional.of(register.find(id).orElseThrow().asOf(LocalDate.now(clock)));
        });
    }
}
