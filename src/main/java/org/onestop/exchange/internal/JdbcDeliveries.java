package org.onestop.exchange.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onestop.exchange.Deliveries;
import org.onestop.exchange.Delivery;
import org.onestop.exchange.DeliveryAttempt;
import org.onestop.exchange.DeliveryState;
import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.platform.Ids;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class JdbcDeliveries implements Deliveries {

    static final int MAX_REPLAY = 10_000;

    private final DeliveryRegister register;
    private final DeliveryOverview overview;
    private final EventLog log;
    private final PushWorker pusher;
    private final Clock clock;

    JdbcDeliveries(DeliveryRegister register, DeliveryOverview overview, EventLog log, PushWorker pusher, Clock clock) {
        this.register = register;
        this.overview = overview;
        this.log = log;
        this.pusher = pusher;
        this.clock = clock;
    }

    @Override
    public Optional<Delivery> find(UUID id) {
        return register.find(id);
    }

    @Override
    public Optional<String> outcomeProof(UUID id) {
        return register.outcomeProof(id);
    }

    @Override
    public List<Delivery> of(String organisation, DeliveryState state, int limit) {
        return register.of(organisation, state, limit);
    }

    @Override
    public Map<String, Map<DeliveryState, Long>> countsByOrganisation() {
        return overview.countsByOrganisation();
    }

    @Override
    public List<Delivery> stuck(String organisation, Duration overdueFor, int limit) {
        return overview.stuck(organisation, clock.instant().minus(overdueFor), limit);
    }

    @Override
    public List<DeliveryAttempt> attempts(UUID id) {
        return overview.attempts(id);
    }

    @Override
    @Transactional
    public boolean replay(UUID id, String actor) {
        Optional<Delivery> delivery = register.find(id);
        if (delivery.isEmpty() || !replayed(delivery.get(), actor)) {
            return false;
        }
        AfterCommit.run(pusher::wake);
        return true;
    }

    @Override
    @Transactional
    public int replayDead(String organisation, String actor) {
        int replayed = 0;
        for (Delivery dead : register.of(organisation, DeliveryState.DEAD, MAX_REPLAY)) {
            replayed += replayed(dead, actor) ? 1 : 0;
        }
        if (replayed > 0) {
            AfterCommit.run(pusher::wake);
        }
        return replayed;
    }

    private boolean replayed(Delivery delivery, String actor) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (!register.replay(delivery.id(), now)) {
            return false;
        }
        log.append(new Event(Ids.newId(clock), now, "delivery-replayed", delivery.caseId(), delivery.caseId(),
                delivery.step(), delivery.organisation(), null, actor, Map.of("delivery", delivery.id().toString())));
        return true;
    }
}
