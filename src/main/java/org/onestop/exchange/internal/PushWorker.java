package org.onestop.exchange.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.onestop.keys.PlatformKeys;
import org.onestop.network.Organisation;
import org.onestop.network.Organisations;
import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.platform.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pushes due deliveries to their organisations' endpoints: claims them under a lease (rows
 * locked with SKIP LOCKED, so several nodes share the work), posts each signed by the platform
 * (compact JWS, nested in a JWE when the organisation registered an encryption key; the delivery
 * id travels as the Idempotency-Key), then records the attempt.
 * <p>
 * Three parts run side by side, so that no push waits for another: a claim loop that takes as
 * many due deliveries as there are free places in the pool ({@code batch}) and hands each to a
 * pusher thread at once; the pushers, each posting one delivery and going on with the next as
 * soon as it is answered; and a recorder that writes the answers that have come in since its last
 * write in one transaction (a few batched statements for all of them). A place in the pool is
 * freed only once its attempt is recorded, so the work a node holds stays bounded.
 * Woken at once when a delivery is created; otherwise it looks again every poll interval.
 */
@Component
class PushWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PushWorker.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    /** This worker's name in the leases it takes ({@code delivery.leased_by}). */
    final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
    private final DeliveryRegister register;
    private final PushGate gate;
    private final Organisations organisations;
    private final PlatformKeys keys;
    private final EventLog eventLog;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Backoff backoff;
    private final boolean enabled;
    private final Duration lease;
    private final Duration poll;
    private final int batch;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Semaphore wakeUp = new Semaphore(0);
    private final Semaphore places;
    private final BlockingQueue<Pushed> answered = new LinkedBlockingQueue<>();
    private final Timer attemptTimer;
    private final DeliveryLatency latency;
    /** The last claim was cut short (by free places, the batch or the gate), so a freed place may find more due work. */
    private volatile boolean heldBack;
    private volatile boolean running;
    private Thread claimer;
    private Thread recorder;
    private ExecutorService pushers;

    PushWorker(DeliveryRegister register, PushGate gate, Organisations organisations, PlatformKeys keys, EventLog eventLog,
            TransactionTemplate transaction, Clock clock,
            @Value("${onestop.exchange.push.enabled:true}") boolean enabled,
            @Value("${onestop.exchange.push.lease:PT60S}") Duration lease,
            @Value("${onestop.exchange.push.poll:PT1S}") Duration poll,
            @Value("${onestop.exchange.push.batch:32}") int batch,
            @Value("${onestop.exchange.push.backoff-base:PT1S}") Duration backoffBase,
            @Value("${onestop.exchange.push.backoff-cap:PT10M}") Duration backoffCap,
            @Value("${onestop.exchange.push.max-attempts:8}") int maxAttempts, MeterRegistry meters, DeliveryLatency latency) {
        if (batch < 1) {
            throw new IllegalArgumentException("onestop.exchange.push.batch must be at least 1");
        }
        this.latency = latency;
        this.attemptTimer = Timer.builder("onestop.delivery.push").description("Time to push one delivery attempt")
                .publishPercentileHistogram().register(meters);
        this.register = register;
        this.gate = gate;
        this.organisations = organisations;
        this.keys = keys;
        this.eventLog = eventLog;
        this.transaction = transaction;
        this.clock = clock;
        this.enabled = enabled;
        this.lease = lease;
        this.poll = poll;
        this.batch = batch;
        this.places = new Semaphore(batch);
        this.backoff = new Backoff(backoffBase, backoffCap, maxAttempts);
    }

    void wake() {
        wakeUp.release();
    }

    /**
     * A place in the pool and the gate's leave for one push to the organisation, taken while the
     * transaction that creates a delivery is still open, so that the delivery can be stored already
     * leased to this node and pushed as soon as that transaction commits, without a claim of its
     * own. Empty when this node pushes nothing now, the pool is full, or the gate holds the
     * organisation back: the delivery is then stored pending and claimed as usual.
     */
    Optional<Reservation> reserve(String organisation) {
        if (!running || !places.tryAcquire()) {
            return Optional.empty();
        }
        if (!gate.admit(organisation)) {
            places.release();
            return Optional.empty();
        }
        return Optional.of(new Reservation(organisation, clock.instant().plus(lease)));
    }

    /**
     * A reserved push, held until the transaction that creates the delivery ends: it is pushed if
     * that transaction {@linkplain #stored stored} it and committed; otherwise the place and the
     * gate's leave are given back.
     */
    final class Reservation {
        private final String organisation;
        private final Instant leaseUntil;
        private DeliveryRegister.Claimed delivery;
        private boolean ended;

        private Reservation(String organisation, Instant leaseUntil) {
            this.organisation = organisation;
            this.leaseUntil = leaseUntil;
        }

        String node() {
            return node;
        }

        Instant leaseUntil() {
            return leaseUntil;
        }

        /** The delivery was stored leased to this node under this reservation. */
        synchronized void stored(DeliveryRegister.Claimed stored) {
            this.delivery = stored;
        }

        /** The creating transaction ended: pushes what it stored and committed, or gives the place back. */
        synchronized void transactionEnded(boolean committed) {
            if (ended) {
                return;
            }
            ended = true;
            if (committed && delivery != null) {
                try {
                    pushers.execute(() -> push(delivery));
                    return;
                } catch (RejectedExecutionException stopping) {
                    // the node is stopping: the delivery is offered again when its lease runs out
                }
            }
            gate.abandoned(organisation);
            freePlaces(1);
        }
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        pushers = Executors.newFixedThreadPool(batch, named("delivery-pusher"));
        recorder = new Thread(this::recordAnswers, "delivery-recorder");
        recorder.setDaemon(true);
        recorder.start();
        claimer = new Thread(this::claimDue, "delivery-push");
        claimer.setDaemon(true);
        claimer.start();
    }

    /** Stops claiming; the pushes under way are answered and recorded (for a while), the rest wait for their lease. */
    @Override
    public void stop() {
        running = false;
        wake();
        if (pushers == null) {
            return;
        }
        pushers.shutdown();
        try {
            if (pushers.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                recorder.join(STOP_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void claimDue() {
        while (running) {
            try {
                // Go on at once while claims find work; wait (for a wake-up: a new delivery, a freed place,
                // a resume; or the poll) when the pool is full or nothing was due.
                if (places.availablePermits() == 0 || claimAndPush() == 0) {
                    wakeUp.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Claiming due deliveries failed; trying again shortly", e);
                sleepQuietly();
            }
        }
    }

    /**
     * Claims what is due and what the gate lets through (per-organisation limit, breakers; paused
     * organisations are left out by the claim), as many as there are free places, and hands each to
     * a pusher. Returns how many it claimed.
     */
    int claimAndPush() {
        int free = Math.min(batch, places.availablePermits());
        if (free == 0 || !places.tryAcquire(free)) {
            return 0;
        }
        Instant now = clock.instant();
        Set<String> closed = gate.closed();
        List<DeliveryRegister.Claimed> admitted = new ArrayList<>();
        int[] refused = {0};
        List<DeliveryRegister.Claimed> claimed;
        try {
            claimed = transaction.execute(status -> register.claimDuePushes(free, node, now, now.plus(lease), closed,
                    delivery -> {
                        if (gate.admit(delivery.organisation())) {
                            return admitted.add(delivery);
                        }
                        refused[0]++;
                        return false;
                    }));
        } catch (RuntimeException e) {
            admitted.forEach(delivery -> gate.abandoned(delivery.organisation()));
            places.release(free);
            throw e;
        }
        int count = claimed == null ? 0 : claimed.size();
        heldBack = count == free || refused[0] > 0 || !closed.isEmpty();
        places.release(free - count);
        for (int i = 0; i < count; i++) {
            DeliveryRegister.Claimed delivery = claimed.get(i);
            try {
                pushers.execute(() -> push(delivery));
            } catch (RejectedExecutionException stopping) {
                // the node is stopping: this delivery is offered again when its lease runs out
                gate.abandoned(delivery.organisation());
                places.release();
            }
        }
        return count;
    }

    private void push(DeliveryRegister.Claimed delivery) {
        Pushed pushed = null;
        try {
            pushed = attempt(delivery);
        } catch (RuntimeException e) {
            log.warn("A delivery push failed unexpectedly", e);
        } finally {
            gate.finished(delivery.organisation(), pushed != null && pushed.answered() ? PushGate.Outcome.ANSWERED
                    : PushGate.Outcome.FAILED);
        }
        if (pushed == null) {
            freePlaces(1); // nothing to record: the lease runs out and it is offered again
        } else {
            answered.add(pushed);
        }
    }

    /** Pushes once; says what came of it, for the recorder (and, through {@link Pushed#answered}, for the breaker). */
    private Pushed attempt(DeliveryRegister.Claimed delivery) {
        Organisation organisation = organisations.find(delivery.organisation()).orElse(null);
        long started = System.nanoTime();
        Sent sent = organisation == null || organisation.endpoint() == null || !organisation.active()
                ? Sent.failed("the organisation has no active push endpoint", true)
                : send(delivery, organisation);
        long elapsed = System.nanoTime() - started;
        attemptTimer.record(elapsed, TimeUnit.NANOSECONDS);
        return new Pushed(delivery, delivery.attempts() + 1, sent, clock.instant().truncatedTo(ChronoUnit.MICROS),
                elapsed / 1_000_000);
    }

    /** What one post came to: the status (if any answer), the error (null when delivered), whether to retry. */
    private record Sent(Integer status, String error, boolean retryable, Duration retryAfter) {
        static Sent failed(String error, boolean retryable) {
            return new Sent(null, error, retryable, null);
        }
    }

    /** One answered (or failed) push waiting to be recorded. */
    private record Pushed(DeliveryRegister.Claimed delivery, int attempt, Sent sent, Instant at, long millis) {
        /** The endpoint answered: it took the delivery, or refused it for good (it is up either way). */
        boolean answered() {
            return sent.status() != null && (sent.error() == null || !sent.retryable());
        }
    }

    private Sent send(DeliveryRegister.Claimed delivery, Organisation organisation) {
        String body;
        try {
            body = DeliveryEnvelope.seal(keys.sign(delivery.payload()), organisation.jwks());
        } catch (IllegalStateException unusableKey) {
            return Sent.failed(unusableKey.getMessage(), false);
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(organisation.endpoint().toString()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/jose")
                    .header("Idempotency-Key", delivery.id().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 == 2) {
                return new Sent(status, null, false, null);
            }
            return new Sent(status, "HTTP " + status, status == 408 || status == 429 || status >= 500,
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        } catch (IOException e) {
            return Sent.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Sent.failed("interrupted", true);
        }
    }

    /** Records the answers as they come, all those waiting in one transaction. */
    private void recordAnswers() {
        List<Pushed> round = new ArrayList<>();
        while (running || !answered.isEmpty() || !pushers.isTerminated()) {
            try {
                Pushed first = answered.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                round.add(first);
                answered.drainTo(round, Math.max(batch, 64) - 1);
                record(round);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                freePlaces(round.size());
                round.clear();
            }
        }
    }

    private void record(List<Pushed> round) {
        try {
            transaction.executeWithoutResult(tx -> settle(round));
        } catch (RuntimeException e) {
            if (round.size() == 1) {
                log.warn("Recording a delivery attempt failed; the delivery is pushed again when its lease runs out", e);
                return;
            }
            // one at a time, so that one that cannot be recorded does not hold back the others
            log.warn("Recording {} delivery attempts together failed; recording them one by one", round.size(), e);
            for (Pushed pushed : round) {
                record(List.of(pushed));
            }
        }
    }

    /** What each answer makes of its delivery, written in a few batched statements, with the attempts and events. */
    private void settle(List<Pushed> round) {
        List<DeliveryRegister.Settlement> settlements = new ArrayList<>(round.size());
        for (Pushed pushed : round) {
            Sent sent = pushed.sent();
            DeliveryRegister.Settlement settlement;
            if (sent.error() == null) {
                settlement = DeliveryRegister.Settlement.delivered(pushed.delivery().id(), pushed.at());
            } else if (!sent.retryable() || backoff.exhausted(pushed.attempt())) {
                settlement = DeliveryRegister.Settlement.dead(pushed.delivery().id(), sent.error());
            } else {
                settlement = DeliveryRegister.Settlement.retry(pushed.delivery().id(),
                        pushed.at().plus(backoff.delayAfter(pushed.attempt(), sent.retryAfter())), sent.error());
            }
            settlements.add(settlement);
        }
        List<String> results = register.settle(settlements, node);
        List<DeliveryRegister.Attempt> attempts = new ArrayList<>(round.size());
        for (int i = 0; i < round.size(); i++) {
            Pushed pushed = round.get(i);
            DeliveryRegister.Claimed delivery = pushed.delivery();
            String result = results.get(i);
            attempts.add(new DeliveryRegister.Attempt(delivery.id(), pushed.at(), result, pushed.sent().status(),
                    pushed.sent().error(), pushed.millis()));
            if (result.equals("delivered")) {
                AfterCommit.run(() -> latency.delivered(delivery.createdAt(), delivery.submittedAt(), pushed.at()));
            }
            if (result.equals("delivered") || result.equals("dead")) {
                eventLog.append(new Event(Ids.newId(clock), pushed.at(), "delivery-" + result, delivery.caseId(), delivery.caseId(),
                        null, delivery.organisation(), null, "platform",
                        Map.of("delivery", delivery.id().toString(), "attempts", pushed.attempt())));
            }
        }
        register.attempts(attempts);
    }

    private void freePlaces(int count) {
        if (count == 0) {
            return;
        }
        boolean wasFull = places.availablePermits() == 0;
        places.release(count);
        if (wasFull || heldBack) {
            wake();
        }
    }

    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(Instant.now(),
                        ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
