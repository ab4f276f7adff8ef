package org.onestop.exchange.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.access.CurrentCaller;
import org.onestop.cases.StepResult;
import org.onestop.cases.WorkingOnCases;
import org.onestop.exchange.Delivery;
import org.onestop.network.Organisation;
import org.onestop.network.Organisations;
import org.onestop.platform.Digests;
import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.platform.Ids;
import org.onestop.platform.InvalidInput;
import org.onestop.platform.NotFound;
import org.onestop.platform.Problem;
import org.onestop.platform.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Deliveries as their organisations' systems see them: the pull feed, acknowledgements and outcomes. */
@RestController
@RequestMapping("/api/v1/deliveries")
@Tag(name = "Exchange", description = "Work for each organisation's system, and the outcomes it reports")
class ExchangeApi {

    static final int MAX_PULL = 100;
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final DeliveryRegister register;
    private final JdbcDeliveries deliveries;
    private final WorkingOnCases work;
    private final Organisations organisations;
    private final EventLog eventLog;
    private final DeliveryLatency latency;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration pullLease;

    ExchangeApi(DeliveryRegister register, JdbcDeliveries deliveries, WorkingOnCases work, Organisations organisations,
            EventLog eventLog, DeliveryLatency latency, TransactionTemplate transaction, JsonMapper json, Clock clock,
            @Value("${onestop.exchange.pull.lease:PT60S}") Duration pullLease) {
        this.organisations = organisations;
        this.eventLog = eventLog;
        this.latency = latency;
        this.register = register;
        this.deliveries = deliveries;
        this.pullLease = pullLease;
        this.work = work;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Pull the caller's deliveries (long-poll up to 30 s); each is leased (60 s) until acknowledged")
    List<JsonNode> pull(@RequestParam(defaultValue = "10") int limit, @RequestParam(defaultValue = "0") int wait)
            throws InterruptedException {
        String organisation = member();
        if (limit < 1 || limit > MAX_PULL || wait < 0 || wait > MAX_WAIT.toSeconds()) {
            throw new InvalidInput("Invalid pull", List.of(new Violation(limit < 1 || limit > MAX_PULL ? "limit" : "wait",
                    limit < 1 || limit > MAX_PULL ? "must be between 1 and " + MAX_PULL : "must be between 0 and 30 seconds")));
        }
        long until = System.nanoTime() + Duration.ofSeconds(wait).toNanos();
        while (true) {
            Instant now = clock.instant();
            List<DeliveryRegister.Claimed> leased = transaction.execute(status ->
                    register.leaseForPull(organisation, limit, now, now.plus(pullLease)));
            if (leased != null && !leased.isEmpty() || System.nanoTime() >= until) {
                return leased == null ? List.of() : leased.stream().map(d -> json.readTree(d.payload())).toList();
            }
            Thread.sleep(250);
        }
    }

    @PostMapping("/{id}/ack")
    @Operation(summary = "Acknowledge a pulled delivery: it will not be offered again")
    ResponseEntity<Map<String, Object>> acknowledge(@PathVariable UUID id) {
        Delivery delivery = owned(id);
        Instant now = now();
        Boolean acknowledged = transaction.execute(status -> register.acknowledged(id, delivery.organisation(), now));
        if (Boolean.TRUE.equals(acknowledged)) {
            latency.delivered(delivery.createdAt(), null, now);
        }
        return ResponseEntity.ok(Map.of("id", id, "acknowledged", Boolean.TRUE.equals(acknowledged)
                || owned(id).state() == org.onestop.exchange.DeliveryState.DELIVERED));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of the caller's deliveries, with its state")
    Delivery delivery(@PathVariable UUID id) {
        return owned(id);
    }

    static final int MAX_CORRECTION_FIELDS = 50;

    /**
     * An outcome: completed with the output, or rejected with the reason. A rejection with a
     * {@code correction} is not final: it asks the applicant to correct the fields named (every
     * answer the step takes when it names none), and the step comes back in a new delivery.
     */
    record Outcome(String status, JsonNode output, String reason,
            @JsonInclude(JsonInclude.Include.NON_NULL) Correction correction,
            @JsonProperty("final") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean declaredFinal) {

        Outcome(String status, JsonNode output, String reason, Correction correction) {
            this(status, output, reason, correction, null);
        }

        /**
         * The same outcome with the correction's fields sorted and without repeats and without the
         * optional {@code final} (which only restates the correction), so that it hashes the same.
         */
        Outcome normalised() {
            return new Outcome(status, output, reason, correction == null ? null : new Correction(
                    correction.fields() == null ? List.of() : correction.fields().stream().distinct().sorted().toList()));
        }

        boolean asksForCorrection() {
            return "rejected".equals(status) && correction != null;
        }
    }

    /** What the applicant is asked to correct: dotted paths of the form's fields ({@code business.name}). */
    record Correction(List<String> fields) {
    }

    @PostMapping("/{id}/outcome")
    @Operation(summary = "Report the outcome of a delivery's step; the same outcome twice is one, a different one is 409")
    ResponseEntity<Object> outcome(@PathVariable UUID id, @RequestBody Outcome outcome) {
        return report(owned(id), outcome, null);
    }

    @PostMapping(path = "/{id}/outcome", consumes = {SignedOutcomes.JWS, SignedOutcomes.SET})
    @Operation(summary = "Report the outcome signed by the organisation (compact JWS, or a Security Event Token); "
            + "the signed token is kept as proof")
    ResponseEntity<Object> signedOutcome(@PathVariable UUID id, @RequestBody String token,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType) {
        Delivery delivery = owned(id);
        Organisation organisation = organisations.find(delivery.organisation())
                .orElseThrow(() -> new NotFound("No delivery " + id));
        boolean securityEvent = MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.parseMediaType(SignedOutcomes.SET));
        return report(delivery, null, SignedOutcomes.verify(token, securityEvent, organisation, id, json));
    }

    /** Records an outcome, plain or signed (then {@code outcome} comes from the signed token). */
    private ResponseEntity<Object> report(Delivery delivery, Outcome plain, SignedOutcomes.Signed signed) {
        UUID id = delivery.id();
        Outcome given = signed == null ? plain : signed.outcome();
        if (given == null || !"completed".equals(given.status()) && !"rejected".equals(given.status())) {
            throw new InvalidInput("Invalid outcome", List.of(new Violation("status", "must be completed or rejected")));
        }
        checkCorrection(given);
        Outcome outcome = given.normalised();
        String hash = Digests.sha256Hex(json.writeValueAsString(outcome));
        boolean pulled = "pull".equals(delivery.mode());
        Object answer = transaction.execute(status -> {
            Instant now = now();
            // the outcome row first: when there is one already this is a repeat (or a conflict), and
            // a concurrent report of the same outcome waits for this one, then sees it
            if (!register.outcome(id, outcome.status(), hash, now, signed == null ? null : signed.proof(),
                    signed == null ? null : signed.format(), signed == null ? null : signed.digest())) {
                return register.outcomeHash(id).filter(hash::equals).isPresent() ? "same" : "different";
            }
            StepResult result;
            if ("completed".equals(outcome.status())) {
                result = work.complete(delivery.caseId(), delivery.step(), outcome.output(), delivery.organisation(),
                        delivery.organisation());
            } else if (outcome.asksForCorrection()) {
                result = work.askForCorrection(delivery.caseId(), delivery.step(), outcome.reason(),
                        outcome.correction().fields(), delivery.organisation(), delivery.organisation());
            } else {
                result = work.reject(delivery.caseId(), delivery.step(), outcome.reason(), delivery.organisation(),
                        delivery.organisation());
            }
            if (result instanceof StepResult.Done) {
                // an outcome also acknowledges a pulled delivery; a pushed one was delivered when its push was answered
                if (pulled && register.acknowledged(id, delivery.organisation(), now)) {
                    AfterCommit.run(() -> latency.delivered(delivery.createdAt(), null, now));
                }
                eventLog.append(new Event(Ids.newId(clock), now, "delivery-outcome", delivery.caseId(), delivery.caseId(),
                        delivery.step(), delivery.organisation(), null, delivery.organisation(), outcomeAttributes(id, outcome, signed)));
            } else {
                status.setRollbackOnly();
            }
            return result;
        });
        if ("same".equals(answer)) {
            return ResponseEntity.ok(answerBody(id, outcome, true));
        }
        if ("different".equals(answer)) {
            throw conflict("A different outcome was already reported for this delivery.");
        }
        if (answer instanceof StepResult.Invalid invalid) {
            throw new InvalidInput("The outcome is not valid", invalid.violations());
        }
        if (answer instanceof StepResult.NotAllowed refused) {
            throw conflict(refused.why());
        }
        return ResponseEntity.status(HttpStatus.OK).body(answerBody(id, outcome, false));
    }

    private static Map<String, Object> answerBody(UUID id, Outcome outcome, boolean replayed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("outcome", outcome.status());
        if ("rejected".equals(outcome.status())) {
            body.put("final", !outcome.asksForCorrection());
        }
        body.put("replayed", replayed);
        return body;
    }

    /** A correction goes with a rejection only, and names at most 50 fields. */
    private static void checkCorrection(Outcome outcome) {
        // "final" may restate what the correction says, never contradict it: a rejection meant to go back to the
        // applicant is never taken for a final one
        if (outcome.declaredFinal() != null && outcome.declaredFinal() == (outcome.correction() != null)) {
            throw new InvalidInput("Invalid outcome", List.of(new Violation("final", outcome.declaredFinal()
                    ? "a final rejection carries no correction"
                    : "a rejection that is not final names what to correct: \"correction\": {\"fields\": [...]}")));
        }
        if (outcome.correction() == null) {
            return;
        }
        if (!"rejected".equals(outcome.status())) {
            throw new InvalidInput("Invalid outcome", List.of(new Violation("correction",
                    "goes with a rejection only: a completed step has nothing to correct")));
        }
        List<String> fields = outcome.correction().fields();
        if (fields != null && (fields.size() > MAX_CORRECTION_FIELDS || fields.stream().anyMatch(f -> f == null || f.isBlank()))) {
            throw new InvalidInput("Invalid outcome", List.of(new Violation("correction.fields",
                    "must be at most " + MAX_CORRECTION_FIELDS + " dotted paths of form fields, such as business.name")));
        }
    }

    private static Map<String, Object> outcomeAttributes(UUID id, Outcome outcome, SignedOutcomes.Signed signed) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("delivery", id.toString());
        attributes.put("outcome", outcome.status());
        if ("rejected".equals(outcome.status())) {
            attributes.put("final", !outcome.asksForCorrection());
        }
        if (signed != null) {
            attributes.put("proof", signed.format());
            attributes.put("proofDigest", signed.digest());
        }
        return attributes;
    }

    @PostMapping("/{id}:replay")
    @Operation(summary = "Send a dead delivery again (managers and the organisation's operators)")
    ResponseEntity<Object> replay(@PathVariable UUID id) {
        Delivery delivery = register.find(id).orElseThrow(() -> new NotFound("No delivery " + id));
        var staff = DeliveryStaff.actingFor(delivery.organisation(), "No delivery " + id);
        if (!deliveries.replay(id, staff.username())) {
            throw conflict("Only a dead delivery can be replayed; this one is "
                    + delivery.state().name().toLowerCase().replace('_', '-') + ".");
        }
        return ResponseEntity.ok(Map.of("id", id, "state", "pending"));
    }

    private static Problem conflict(String detail) {
        return Problem.of(HttpStatus.CONFLICT, "delivery-conflict", "Conflict", detail);
    }

    private Delivery owned(UUID id) {
        String organisation = member();
        return register.find(id).filter(d -> d.organisation().equals(organisation))
                .orElseThrow(() -> new NotFound("No delivery " + id));
    }

    private static String member() {
        return CurrentCaller.memberOrganisation().orElseThrow(() -> new NotFound("Deliveries are read by member systems"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
