package org.onestop.cases.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.onestop.catalog.Step;
import org.onestop.network.Agreement;
import org.onestop.network.Agreements;
import org.springframework.stereotype.Component;

/** A step's deadline: the SLA of the agreement in force for its organisation, else the step's own. */
@Component
class Deadlines {

    private final Agreements agreements;

    Deadlines(Agreements agreements) {
        this.agreements = agreements;
    }

    Instant deadline(String serviceCode, Step step, String organisation, Instant readyAt) {
        LocalDate day = LocalDate.ofInstant(readyAt, ZoneOffset.UTC);
        Duration sla = agreements.forService(serviceCode).stream()
                .filter(a -> a.organisation().equals(organisation) && a.covers(serviceCode, step.code()) && a.validOn(day))
                .map(Agreement::sla)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(step.sla());
        return sla == null ? null : readyAt.plus(sla);
    }
}
