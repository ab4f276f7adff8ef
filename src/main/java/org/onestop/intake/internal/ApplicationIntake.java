package org.onestop.intake.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onestop.catalog.Catalog;
import org.onestop.catalog.Service;
import org.onestop.intake.Application;
import org.onestop.intake.ApplicationSubmitted;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Receipt;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.mandates.MandateDecision;
import org.onestop.mandates.Mandates;
import org.onestop.platform.Digests;
import org.onestop.platform.Event;
import org.onestop.platform.GroupCommit;
import org.onestop.platform.Ids;
import org.onestop.platform.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

@org.springframework.stereotype.Service
class ApplicationIntake implements SubmittingApplication {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Catalog catalog;
    private final Mandates mandates;
    private final JdbcApplications applications;
    private final AccessCodes accessCodes;
    private final Recording recording;
    private final TransactionTemplate transaction;
    private final Clock clock;
    // single applications arriving together (API clients, the portal) share one transaction and commit
    private final GroupCommit<Prepared, Void> singleStores = new GroupCommit<>(64, this::storeAll);

    ApplicationIntake(Catalog catalog, Mandates mandates, JdbcApplications applications, AccessCodes accessCodes,
            Recording recording, TransactionTemplate transaction, Clock clock) {
        this.catalog = catalog;
        this.mandates = mandates;
        this.applications = applications;
        this.accessCodes = accessCodes;
        this.recording = recording;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public Submission submit(NewApplication application) {
        Service service = publishedService(application.serviceCode());
        return submitAll(service, List.of(application)).get(0);
    }

    @Override
    public List<Submission> submitAll(String serviceCode, List<NewApplication> batch) {
        return submitAll(publishedService(serviceCode), batch);
    }

    private List<Submission> submitAll(Service service, List<NewApplication> batch) {
        try {
            // most keys are new: the unique index on (actor, key) finds the rest, which saves a read per application
            return trySubmitAll(service, batch, false);
        } catch (DuplicateKeyException usedBefore) {
            // a retry of an earlier request, another request storing the same key meanwhile, or (once in 2^40)
            // the same reference: a second pass looks each key up and answers from what was stored
            return trySubmitAll(service, batch, true);
        }
    }

    private List<Submission> trySubmitAll(Service service, List<NewApplication> batch, boolean lookUpKeys) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Submission> results = new ArrayList<>(batch.size());
        List<Prepared> accepted = new ArrayList<>();
        Map<String, Prepared> keysInBatch = new HashMap<>();
        // an intermediary's batch is mostly for a few principals: each mandate is checked once per batch
        Map<String, MandateDecision> decisions = new HashMap<>();
        for (NewApplication candidate : batch) {
            Submission refusal = refusal(service, candidate, LocalDate.ofInstant(now, clock.getZone()), decisions);
            if (refusal != null) {
                results.add(refusal);
                continue;
            }
            String hash = requestHash(candidate);
            Optional<Submission> earlier = lookUpKeys ? earlierUse(candidate, hash, service) : Optional.empty();
            if (earlier.isPresent()) {
                results.add(earlier.get());
                continue;
            }
            String batchKey = candidate.idempotencyKey() == null ? null : candidate.actor() + "\n" + candidate.idempotencyKey();
            Prepared sameKey = batchKey == null ? null : keysInBatch.get(batchKey);
            if (sameKey != null) {
                results.add(sameKey.requestHash().equals(hash) ? new Submission.Accepted(sameKey.receipt(), true)
                        : new Submission.KeyReused(candidate.idempotencyKey()));
                continue;
            }
            Prepared prepared = prepare(service, candidate, hash, now);
            if (batchKey != null) {
                keysInBatch.put(batchKey, prepared);
            }
            accepted.add(prepared);
            results.add(new Submission.Accepted(prepared.receipt(), false));
        }
        if (accepted.size() == 1 && !TransactionSynchronizationManager.isActualTransactionActive()) {
            singleStores.run(accepted.get(0));
        } else if (!accepted.isEmpty()) {
            storeAll(accepted);
        }
        return results;
    }

    private Submission refusal(Service service, NewApplication candidate, LocalDate today,
            Map<String, MandateDecision> decisions) {
        var violations = ApplicationRules.check(service, candidate);
        if (!violations.isEmpty()) {
            return new Submission.Invalid(violations);
        }
        if (candidate.agent() != null) {
            MandateDecision decision = decisions.computeIfAbsent(candidate.agent() + "\n" + candidate.principal().id(),
                    agentAndPrincipal -> mandates.check(candidate.agent(), candidate.principal().id(), service.code(), today));
            if (!decision.allowed()) {
                return new Submission.NotMandated(decision.refusal());
            }
        }
        return null;
    }

    private Optional<Submission> earlierUse(NewApplication candidate, String hash, Service service) {
        if (candidate.idempotencyKey() == null) {
            return Optional.empty();
        }
        return applications.findByKey(candidate.actor(), candidate.idempotencyKey()).map(stored -> {
            if (!hash.equals(stored.requestHash())) {
                return new Submission.KeyReused(candidate.idempotencyKey());
            }
            Application earlier = applications.find(stored.applicationId()).orElseThrow();
            return new Submission.Accepted(receipt(earlier), true);
        });
    }

    private Prepared prepare(Service service, NewApplication candidate, String hash, Instant now) {
        Application application = new Application(Ids.newId(clock), newReference(), service.id(), service.code(),
                service.version(), candidate.principal(), candidate.form(), candidate.channel(), candidate.agent(),
                candidate.actor(), now);
        return new Prepared(application, candidate.idempotencyKey(), hash, receipt(application));
    }

    private List<Void> storeAll(List<Prepared> accepted) {
        transaction.executeWithoutResult(status -> accepted.forEach(this::store));
        return Collections.nCopies(accepted.size(), null);
    }

    private void store(Prepared prepared) {
        Application a = prepared.application();
        applications.insert(a, prepared.idempotencyKey(), prepared.requestHash());
        recording.record(new Event(Ids.newId(clock), a.submittedAt(), "application-submitted", a.id(), a.id(), null,
                a.agent(), a.channel().name().toLowerCase(java.util.Locale.ROOT), a.actor(),
                Map.of("reference", a.reference(), "service", a.serviceCode(), "serviceVersion", a.serviceVersion(),
                        "principalKind", a.principal().kind().name().toLowerCase(java.util.Locale.ROOT))),
                new ApplicationSubmitted(a.id(), a.serviceId(), a.reference(), a.channel(), a.actor(), a.submittedAt(),
                        a.form()));
    }

    private Receipt receipt(Application a) {
        return new Receipt(a.id(), a.reference(), accessCodes.codeFor(a.id()), a.serviceCode(), a.serviceVersion(),
                a.submittedAt());
    }

    private Service publishedService(String code) {
        return catalog.published(code).orElseThrow(() -> new NotFound("No published service '" + code + "'"));
    }

    private static String newReference() {
        byte[] random = new byte[5];
        RANDOM.nextBytes(random);
        String code = Base32.encode(random, 8);
        return "OS-" + code.substring(0, 4) + "-" + code.substring(4);
    }

    private static String requestHash(NewApplication a) {
        return Digests.sha256Hex(a.serviceCode() + "\n" + a.channel() + "\n" + a.agent() + "\n" + a.principal() + "\n"
                + CANONICAL.writeValueAsString(a.form()));
    }

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(tools.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private record Prepared(Application application, String idempotencyKey, String requestHash, Receipt receipt) {
    }
}
