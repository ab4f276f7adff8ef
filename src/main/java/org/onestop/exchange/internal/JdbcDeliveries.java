package org.onestop.exchange.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onestop.exchange.Deliveries;
import org.onestop.exchange.Delivery;
import org.onestop.exchange.DeliveryState;
import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.platform.Ids;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcDeliveries implements Deliveries {

    private final DeliveryRegister register;
    private final EventLog log;
    private final PushWorker pusher;
    private final Clock clock;

    JdbcDeliveries(DeliveryRegister register, EventLog log, PushWorker pusher, Clock clock) {
        this.register = register;
        this.log = log;
        this.pusher = pusher;
        this.clock = clock;
    }

    @Override
    public Optional<Delivery> find(UUID id) {
        return register.find(id);
    }

    @Override
    public List<Delivery> of(String organisation, DeliveryState state, int limit) {
        return register.of(organisation, state, limit);
    }

    @Override
    @Transactional
    public boolean replay(UUID id, String actor) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Optional<Delivery> delivery = register.find(id);
        if (delivery.isEmpty() || !register.replay(id, now)) {
            return false;
        }
        log.append(new Event(Ids.newId(clock), now, "delivery-replayed", delivery.get().caseId(), delivery.get().caseId(),
                delivery.get().step(), delivery.get().organisation(), null, actor, Map.of("delivery", id.toString())));
        pusher.wake();
        return true;
    }
}
