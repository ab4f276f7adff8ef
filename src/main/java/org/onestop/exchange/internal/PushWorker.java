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
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

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
 * Pushes due deliveries to their organisations' endpoints: claims a batch under a lease (rows
 * locked with SKIP LOCKED, so several nodes share the work), posts each signed by the platform
 * (compact JWS, nested in a JWE when the organisation registered an encryption key; the delivery
 * id travels as the Idempotency-Key), then records the attempt.
 * Woken at once when a delivery is created; otherwise it looks again every poll interval.
 */
@Component
class PushWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PushWorker.class);
    static final String NODE = "node-" + UUID.randomUUID().toString().substring(0, 8);

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
    private final Timer attemptTimer;
    private final DeliveryLatency latency;
    private volatile boolean running;
    private Thread loop;
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
        this.backoff = new Backoff(backoffBase, backoffCap, maxAttempts);
    }

    void wake() {
        wakeUp.release();
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        running = true;
        pushers = Executors.newFixedThreadPool(batch);
        loop = new Thread(this::run, "delivery-push");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        wake();
        if (pushers != null) {
            pushers.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                // Go on at once while rounds find work: a round may be short because of the per-organisation
                // limit, not because nothing is due. Wait (for a wake-up or the poll) only when it found none.
                int pushed = pushOnce();
                if (pushed == 0) {
                    wakeUp.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Delivery push round failed; trying again shortly", e);
                sleepQuietly();
            }
        }
    }

    /**
     * One round: claim what is due and what the gate lets through (per-organisation limit, breakers;
     * paused organisations are left out by the claim), push it all, wait for the answers.
     */
    int pushOnce() throws InterruptedException {
        Instant now = clock.instant();
        List<DeliveryRegister.Claimed> admitted = new ArrayList<>();
        List<DeliveryRegister.Claimed> claimed;
        try {
            claimed = transaction.execute(status -> register.claimDuePushes(batch, NODE, now, now.plus(lease), gate.closed(),
                    delivery -> gate.admit(delivery.organisation()) && admitted.add(delivery)));
        } catch (RuntimeException e) {
            admitted.forEach(delivery -> gate.abandoned(delivery.organisation()));
            throw e;
        }
        if (claimed == null || claimed.isEmpty()) {
            return 0;
        }
        var futures = claimed.stream().map(delivery -> pushers.submit(() -> push(delivery))).toList();
        for (var future : futures) {
            try {
                future.get();
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("A delivery push failed unexpectedly", e.getCause());
            }
        }
        return claimed.size();
    }

    private void push(DeliveryRegister.Claimed delivery) {
        PushGate.Outcome outcome = PushGate.Outcome.FAILED;
        try {
            outcome = attempt(delivery);
        } finally {
            gate.finished(delivery.organisation(), outcome);
        }
    }

    /** Pushes once and records the attempt; says whether the endpoint answered, for the organisation's breaker. */
    private PushGate.Outcome attempt(DeliveryRegister.Claimed delivery) {
        int attempt = delivery.attempts() + 1;
        Organisation organisation = organisations.find(delivery.organisation()).orElse(null);
        long started = System.nanoTime();
        Sent sent = organisation == null || organisation.endpoint() == null || !organisation.active()
                ? Sent.failed("the organisation has no active push endpoint", true)
                : send(delivery, organisation);
        long elapsed = System.nanoTime() - started;
        attemptTimer.record(elapsed, TimeUnit.NANOSECONDS);
        long millis = elapsed / 1_000_000;
        record(delivery, attempt, sent.status(), sent.error(), sent.retryable(), sent.retryAfter(), millis);
        return sent.status() != null && (sent.error() == null || !sent.retryable()) ? PushGate.Outcome.ANSWERED
                : PushGate.Outcome.FAILED;
    }

    /** What one post came to: the status (if any answer), the error (null when delivered), whether to retry. */
    private record Sent(Integer status, String error, boolean retryable, Duration retryAfter) {
        static Sent failed(String error, boolean retryable) {
            return new Sent(null, error, retryable, null);
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

    private void record(DeliveryRegister.Claimed delivery, int attempt, Integer status, String error, boolean retryable,
            Duration retryAfter, long millis) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transaction.executeWithoutResult(tx -> {
            String result;
            if (error == null) {
                result = register.delivered(delivery.id(), NODE, now) ? "delivered" : "late";
            } else if (!retryable || backoff.exhausted(attempt)) {
                result = register.dead(delivery.id(), NODE, error) ? "dead" : "late";
            } else {
                Instant next = now.plus(backoff.delayAfter(attempt, retryAfter));
                result = register.retryLater(delivery.id(), NODE, next, error) ? "retry" : "late";
            }
            register.attempt(delivery.id(), now, result, status, error, millis);
            if (result.equals("delivered")) {
                AfterCommit.run(() -> latency.delivered(delivery.createdAt(), delivery.submittedAt(), now));
            }
            if (result.equals("delivered") || result.equals("dead")) {
                eventLog.append(new Event(Ids.newId(clock), now, "delivery-" + result, delivery.caseId(), delivery.caseId(), null,
                        delivery.organisation(), null, "platform",
                        Map.of("delivery", delivery.id().toString(), "attempts", attempt)));
            }
        });
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

    private static void sleepQuietly() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
