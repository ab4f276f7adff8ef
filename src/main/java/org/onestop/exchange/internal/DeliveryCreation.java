package org.onestop.exchange.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.cases.Case;
import org.onestop.cases.Cases;
import org.onestop.cases.StepBecameReady;
import org.onestop.cases.WorkingOnCases;
import org.onestop.network.Agreements;
import org.onestop.network.Organisation;
import org.onestop.network.Organisations;
import org.onestop.network.ReceivingMode;
import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.platform.Ids;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates the delivery of a ready step in the transaction that made it ready, so that no ready
 * step of a push or pull organisation is ever without its delivery; wakes this node's pushers once
 * that transaction commits, and (on PostgreSQL) every other node's through a notification.
 */
@Component
class DeliveryCreation {

    private final Organisations organisations;
    private final Cases cases;
    private final WorkingOnCases work;
    private final DeliveryRegister register;
    private final EventLog log;
    private final PushWorker pusher;
    private final DeliveryNotifications notifications;
    private final JsonMapper json;
    private final Clock clock;
    private final Agreements agreements;

    DeliveryCreation(Organisations organisations, Cases cases, WorkingOnCases work, DeliveryRegister register, EventLog log,
            PushWorker pusher, DeliveryNotifications notifications, JsonMapper json, Clock clock, Agreements agreements) {
        this.notifications = notifications;
        this.organisations = organisations;
        this.cases = cases;
        this.work = work;
        this.register = register;
        this.log = log;
        this.pusher = pusher;
        this.json = json;
        this.clock = clock;
        this.agreements = agreements;
    }

    @EventListener
    void on(StepBecameReady ready) {
        Organisation organisation = organisations.find(ready.organisation()).orElse(null);
        if (organisation == null || organisation.receiving() == ReceivingMode.INBOX) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID id = Ids.newId(clock);
        Case current = cases.find(ready.caseId()).orElseThrow();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("deliveryId", id.toString());
        payload.put("caseId", current.id().toString());
        payload.put("reference", current.reference());
        payload.put("service", current.serviceCode());
        payload.put("step", ready.step());
        // 1 for the first delivery of the step; more when it comes back after the applicant corrected the answers
        payload.put("round", ready.round());
        payload.put("organisation", ready.organisation());
        if (ready.deadline() != null) {
            payload.put("deadline", ready.deadline().toString());
        }
        JsonNode input = work.inputFor(current, ready.step());
        payload.put("input", input);
        String body = json.writeValueAsString(payload);
        boolean push = organisation.receiving() == ReceivingMode.PUSH && TransactionSynchronizationManager.isSynchronizationActive();
        // pushed by this node as soon as the transaction commits, without a claim, when it has room for it now
        PushWorker.Reservation reservation = push ? reserveUntilTransactionEnds(ready.organisation()) : null;
        boolean leased = reservation != null && register.insertLeased(id, ready.caseId(), ready.step(), ready.round(),
                ready.organisation(), body, now, current.openedAt(), reservation.node(), reservation.leaseUntil());
        String mode = organisation.receiving().name();
        if (!leased && !register.insert(id, ready.caseId(), ready.step(), ready.round(), ready.organisation(), mode, body, now,
                current.openedAt())) {
            return;
        }
        // what the applicant's "who used my data" shows: the field names sent, under which agreement and legal basis
        Map<String, Object> attributes = new LinkedHashMap<>(Map.of("delivery", id.toString(), "mode", mode.toLowerCase()));
        if (ready.round() > 1) {
            attributes.put("round", ready.round());
        }
        attributes.put("fields", fieldNames(input.path("form"), ""));
        agreements.forService(current.serviceCode()).stream()
                .filter(a -> a.organisation().equals(ready.organisation()) && a.covers(current.serviceCode(), ready.step())
                        && a.validOn(LocalDate.ofInstant(now, ZoneOffset.UTC)))
                .findFirst().ifPresent(a -> {
                    attributes.put("agreement", a.code());
                    if (a.legalBasis() != null) {
                        attributes.put("legalBasis", a.legalBasis());
                    }
                });
        log.append(new Event(Ids.newId(clock), now, "delivery-created", ready.caseId(), ready.caseId(), ready.step(),
                ready.organisation(), null, "platform", attributes));
        if (leased) {
            reservation.stored(new DeliveryRegister.Claimed(id, ready.caseId(), ready.organisation(), body, 0, now,
                    current.openedAt()));
        } else if (push) {
            notifications.announce();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    pusher.wake();
                }
            });
        }
    }

    private PushWorker.Reservation reserveUntilTransactionEnds(String organisation) {
        PushWorker.Reservation reservation = pusher.reserve(organisation).orElse(null);
        if (reservation != null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    reservation.transactionEnded(status == STATUS_COMMITTED);
                }
            });
        }
        return reservation;
    }

    /** Dotted paths of the leaf fields of a step's form input ({@code business.address.postcode}). */
    private static List<String> fieldNames(JsonNode form, String prefix) {
        List<String> names = new ArrayList<>();
        form.properties().forEach(field -> {
            if (field.getValue().isObject()) {
                names.addAll(fieldNames(field.getValue(), prefix + field.getKey() + "."));
            } else {
                names.add(prefix + field.getKey());
            }
        });
        return names;
    }
}
