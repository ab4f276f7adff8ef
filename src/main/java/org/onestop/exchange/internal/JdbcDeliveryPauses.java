package org.onestop.exchange.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import org.onestop.exchange.DeliveryPause;
import org.onestop.exchange.DeliveryPauses;
import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Pauses in the {@code delivery_pause} table, shared by all nodes; the claim of due pushes leaves paused organisations out. */
@Component
class JdbcDeliveryPauses implements DeliveryPauses {

    private final JdbcClient jdbc;
    private final EventLog log;
    private final PushWorker pusher;
    private final Clock clock;

    JdbcDeliveryPauses(JdbcClient jdbc, EventLog log, PushWorker pusher, Clock clock) {
        this.jdbc = jdbc;
        this.log = log;
        this.pusher = pusher;
        this.clock = clock;
    }

    @Override
    public Optional<DeliveryPause> of(String organisation) {
        return jdbc.sql("SELECT organisation, paused_at, paused_by FROM delivery_pause WHERE organisation = ?")
                .param(organisation)
                .query((rs, row) -> new DeliveryPause(rs.getString("organisation"), rs.getTimestamp("paused_at").toInstant(),
                        rs.getString("paused_by")))
                .optional();
    }

    @Override
    @Transactional
    public boolean pause(String organisation, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean paused = jdbc.sql("INSERT INTO delivery_pause (organisation, paused_at, paused_by) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING").params(organisation, DeliveryRegister.ts(now), actor).update() == 1;
        if (paused) {
            logged("deliveries-paused", organisation, actor, now);
        }
        return paused;
    }

    @Override
    @Transactional
    public boolean resume(String organisation, String actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean resumed = jdbc.sql("DELETE FROM delivery_pause WHERE organisation = ?").param(organisation).update() == 1;
        if (resumed) {
            logged("deliveries-resumed", organisation, actor, now);
            AfterCommit.run(pusher::wake);
        }
        return resumed;
    }

    private void logged(String type, String organisation, String actor, Instant now) {
        log.append(new Event(Ids.newId(clock), now, type, null, null, null, organisation, null, actor, Map.of()));
    }
}
