package org.onestop.mandates.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.onestop.catalog.Catalog;
import org.onestop.mandates.Mandate;
import org.onestop.mandates.MandateStatus;
import org.onestop.platform.Ids;
import org.onestop.platform.InvalidInput;
import org.onestop.platform.Violation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** An agent asks a principal for a mandate; it stays requested until the principal confirms it with the one-time token. */
@Component
final class RequestingMandate {

    /** The stored request and the token that confirms it, which exists only here and in the link to the principal. */
    record Requested(MandateRecord mandate, String token) {
    }

    private final Catalog catalog;
    private final MandateRegister register;
    private final MandateEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RequestingMandate(Catalog catalog, MandateRegister register, MandateEvents events, TransactionTemplate transaction,
            Clock clock) {
        this.catalog = catalog;
        this.register = register;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    Requested request(String agent, MandateRequest request) {
        List<Violation> violations = request.violations(code -> catalog.latest(code).isPresent());
        if (!violations.isEmpty()) {
            throw new InvalidInput("Invalid mandate request", violations);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Mandate mandate = new Mandate(Ids.newId(clock), agent, request.principal(), request.services(), request.from(),
                request.to(), MandateStatus.REQUESTED);
        String token = ConfirmationTokens.newToken();
        transaction.executeWithoutResult(status -> {
            register.add(mandate, request.principalName().strip(), ConfirmationTokens.hash(token), now);
            events.log(MandateEvents.REQUESTED, mandate, agent, now, Map.of("validFrom", mandate.validFrom().toString(),
                    "validTo", mandate.validTo().toString()));
        });
        MandateRecord stored = new MandateRegister.Entry(mandate, request.principalName().strip(), now, null, null, null)
                .asOf(LocalDate.ofInstant(now, clock.getZone()));
        return new Requested(stored, token);
    }
}
