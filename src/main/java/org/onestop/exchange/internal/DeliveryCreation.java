package org.onestop.exchange.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.onestop.cases.Case;
import org.onestop.cases.Cases;
import org.onestop.cases.StepBecameReady;
import org.onestop.cases.WorkingOnCases;
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

    DeliveryCreation(Organisations organisations, Cases cases, WorkingOnCases work, DeliveryRegister register, EventLog log,
            PushWorker pusher, DeliveryNotifications notifications, JsonMapper json, Clock clock) {
        this.notifications = notifications;
        this.organisations = organisations;
        this.cases = cases;
        this.work = work;
        this.register = register;
        this.log = log;
        this.pusher = pusher;
        this.json = json;
        this.clock = clock;
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
        payload.put("organisation", ready.organisation());
        if (ready.deadline() != null) {
            payload.put("deadline", ready.deadline().toString());
        }
        payload.put("input", work.inputFor(ready.caseId(), ready.step()));
        String mode = organisation.receiving().name();
        register.insert(id, ready.caseId(), ready.step(), ready.organisation(), mode, json.writeValueAsString(payload), now,
                current.openedAt());
        log.append(new Event(Ids.newId(clock), now, "delivery-created", ready.caseId(), ready.caseId(), ready.step(),
                ready.organisation(), null, "platform", Map.of("delivery", id.toString(), "mode", mode.toLowerCase())));
        if (organisation.receiving() == ReceivingMode.PUSH && TransactionSynchronizationManager.isSynchronizationActive()) {
            notifications.announce();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    pusher.wake();
                }
            });
        }
    }
}
