package org.onestop.intake.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onestop.access.CurrentCaller;
import org.onestop.access.StaffMember;
import org.onestop.intake.Channel;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Principal;
import org.onestop.intake.Receipt;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.platform.IdempotencyKeys;
import org.onestop.platform.InvalidInput;
import org.onestop.platform.Problem;
import org.onestop.platform.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/**
 * Applications from members' systems (as agents, under a mandate) and from staff entering an
 * application for someone at a desk or on the phone (assisted).
 */
@RestController
@RequestMapping("/api/v1/services/{code}")
@Tag(name = "Intake", description = "Apply once: one application, or a batch of up to 1,000")
class IntakeApi {

    static final int MAX_BATCH = 1000;
    private static final String NDJSON = "application/x-ndjson";

    private final SubmittingApplication intake;
    private final BatchReader batches;

    IntakeApi(SubmittingApplication intake, BatchReader batches) {
        this.intake = intake;
        this.batches = batches;
    }

    /** The body of one application. */
    record ApplicationRequest(Principal principal, JsonNode form) {
    }

    @PostMapping(value = "/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Submit one application; send an Idempotency-Key to retry safely")
    ResponseEntity<Object> submit(@PathVariable String code, @RequestBody ApplicationRequest body,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        IdempotencyKeys.checkHeader(idempotencyKey);
        Caller caller = Caller.current();
        Submission submission = intake.submit(new NewApplication(code, body.principal(), body.form(),
                caller.channel(Channel.API), caller.agent(), caller.actor(), idempotencyKey));
        if (submission instanceof Submission.Accepted accepted) {
            return ResponseEntity.created(URI.create("/api/v1/applications/" + accepted.receipt().id()))
                    .header("Idempotent-Replayed", String.valueOf(accepted.replayed()))
                    .body(receiptBody(accepted.receipt()));
        }
        if (submission instanceof Submission.Invalid invalid) {
            throw new InvalidInput("The application is not valid", invalid.violations());
        }
        if (submission instanceof Submission.NotMandated refused) {
            throw Problem.of(HttpStatus.FORBIDDEN, "no-mandate", refused.refusal().name().toLowerCase().replace('_', '-'),
                    "No mandate",
                    "You may not apply for this principal: " + refused.refusal().reason() + ".");
        }
        Submission.KeyReused reused = (Submission.KeyReused) submission;
        throw Problem.of(HttpStatus.CONFLICT, "idempotency-key-reused", "Idempotency key already used",
                "The key '" + reused.idempotencyKey() + "' was used for a different application; "
                        + "use a new key for a new application.");
    }

    @PostMapping(value = "/applications:batch", consumes = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
    @Operation(summary = "Submit up to 1,000 applications (JSON array or NDJSON); each is judged on its own")
    Map<String, Object> submitBatch(@PathVariable String code, @RequestBody String body,
            @RequestHeader(value = "Content-Type") String contentType) {
        Caller caller = Caller.current();
        List<BatchReader.Item> items = contentType.startsWith(NDJSON) ? batches.readNdjson(body) : batches.readArray(body);
        if (items.size() > MAX_BATCH) {
            throw new InvalidInput("Batch too large", List.of(new Violation("",
                    "a batch holds at most " + MAX_BATCH + " applications; this one has " + items.size())));
        }
        List<NewApplication> readable = new ArrayList<>();
        for (BatchReader.Item item : items) {
            if (item.problems().isEmpty()) {
                if (IdempotencyKeys.problem(item.idempotencyKey(), "idempotencyKey").isPresent()) {
                    continue;
                }
                readable.add(new NewApplication(code, item.request().principal(), item.request().form(),
                        caller.channel(Channel.BULK), caller.agent(), caller.actor(), item.idempotencyKey()));
            }
        }
        List<Submission> submissions = intake.submitAll(code, readable);
        List<Map<String, Object>> answers = new ArrayList<>();
        int next = 0;
        int accepted = 0;
        for (int index = 0; index < items.size(); index++) {
            BatchReader.Item item = items.get(index);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("index", index);
            Optional<Violation> badKey = IdempotencyKeys.problem(item.idempotencyKey(), "idempotencyKey");
            if (!item.problems().isEmpty()) {
                answer.put("status", "rejected");
                answer.put("errors", errors(item.problems()));
            } else if (badKey.isPresent()) {
                answer.put("status", "rejected");
                answer.put("errors", errors(List.of(badKey.get())));
            } else {
                Submission submission = submissions.get(next++);
                if (submission instanceof Submission.Accepted a) {
                    accepted++;
                }
                answer.putAll(itemAnswer(submission));
            }
            answers.add(answer);
        }
        return Map.of("accepted", accepted, "rejected", items.size() - accepted, "items", answers);
    }

    private static Map<String, Object> itemAnswer(Submission submission) {
        if (submission instanceof Submission.Accepted a) {
            Map<String, Object> answer = new LinkedHashMap<>(receiptBody(a.receipt()));
            answer.put("status", a.replayed() ? "replayed" : "accepted");
            return answer;
        }
        Violation problem;
        if (submission instanceof Submission.Invalid invalid) {
            return Map.of("status", "rejected", "errors", errors(invalid.violations()));
        } else if (submission instanceof Submission.NotMandated refused) {
            problem = new Violation("principal", "no mandate: " + refused.refusal().reason());
        } else {
            problem = new Violation("idempotencyKey", "already used for a different application");
        }
        return Map.of("status", "rejected", "errors", errors(List.of(problem)));
    }

    static Map<String, Object> receiptBody(Receipt receipt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", receipt.id());
        body.put("reference", receipt.reference());
        body.put("accessCode", receipt.accessCode());
        body.put("service", receipt.serviceCode());
        body.put("serviceVersion", receipt.serviceVersion());
        body.put("submittedAt", receipt.submittedAt().toString());
        body.put("status", "/api/v1/applications/" + receipt.id());
        return body;
    }

    private static List<Map<String, String>> errors(List<Violation> violations) {
        return violations.stream().map(v -> Map.of("path", v.path(), "message", v.message())).toList();
    }

    /** Who submits: a member system is an agent for the principal; staff enter assisted applications. */
    private record Caller(String agent, String actor, boolean staff) {

        static Caller current() {
            return CurrentCaller.memberOrganisation().map(member -> new Caller(member, member, false))
                    .orElseGet(() -> new Caller(null,
                            CurrentCaller.staffMember().map(StaffMember::username).orElse("unknown"), true));
        }

        Channel channel(Channel asMember) {
            return staff ? Channel.ASSISTED : asMember;
        }
    }
}
