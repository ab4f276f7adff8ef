package org.onestop.mandates.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The principal confirms a requested mandate with its one-time token, within a week of the request. */
@Component
final class ConfirmingMandate {

    static final Duration TOKEN_LIFETIME = Duration.ofDays(7);

    /** Why a token does not confirm a mandate. */
    enum Refusal {
        UNKNOWN, USED, EXPIRED, WITHDRAWN
    }

    /** Either the confirmed mandate or the refusal. */
    record Confirmation(MandateRecord mandate, Refusal refusal) {
    }

    private final MandateRegister register;
    private final MandateEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ConfirmingMandate(MandateRegister register, MandateEvents events, TransactionTemplate transaction, Clock clock) {
        this.register = register;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The requested mandate the token would confirm, or why it would not; changes nothing. */
    Confirmation preview(String token) {
        Optional<MandateRegister.Entry> found = find(token);
        if (found.isEmpty()) {
            return new Confirmation(null, Refusal.UNKNOWN);
        }
        MandateRegister.Entry entry = found.get();
        return new Confirmation(entry.asOf(today()), refusal(entry, clock.instant()));
    }

    Confirmation confirm(String token) {
        return transaction.execute(status -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Optional<MandateRegister.Entry> found = find(token);
            if (found.isEmpty()) {
                return new Confirmation(null, Refusal.UNKNOWN);
            }
            MandateRegister.Entry entry = found.get();
            Refusal refusal = refusal(entry, now);
            if (refusal == null && !register.confirm(entry.mandate().id(), now)) {
                refusal = Refusal.USED; // confirmed or revoked by a concurrent request
            }
            if (refusal != null) {
                return new Confirmation(null, refusal);
            }
            events.log(MandateEvents.CONFIRMED, entry.mandate(), entry.mandate().principal(), now, Map.of());
            return new Confirmation(register.find(entry.mandate().id()).orElseThrow().asOf(today()), null);
        });
    }

    private Optional<MandateRegister.Entry> find(String token) {
        return ConfirmationTokens.wellFormed(token) ? register.findByTokenHash(ConfirmationTokens.hash(token))
                : Optional.empty();
    }

    private static Refusal refusal(MandateRegister.Entry entry, Instant now) {
        return switch (entry.mandate().status()) {
            case ACTIVE -> Refusal.USED;
            case REVOKED -> entry.confirmedAt() == null ? Refusal.WITHDRAWN : Refusal.USED;
            case REQUESTED -> now.isAfter(entry.requestedAt().plus(TOKEN_LIFETIME)) ? Refusal.EXPIRED : null;
        };
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
