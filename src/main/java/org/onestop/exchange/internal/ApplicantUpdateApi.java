package org.onestop.exchange.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.onestop.access.CurrentCaller;
import org.onestop.cases.ApplicantUpdate;
import org.onestop.cases.UpdatingApplicants;
import org.onestop.exchange.Delivery;
import org.onestop.platform.IdempotencyKeys;
import org.onestop.platform.InvalidInput;
import org.onestop.platform.NotFound;
import org.onestop.platform.Problem;
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

/**
 * A member system tells the applicant how the step of one of its deliveries is going: a short
 * status message shown on the applicant's status page. Authenticated and answered like the
 * delivery's outcome: only the organisation the delivery is addressed to may send one.
 */
@RestController
@RequestMapping("/api/v1/deliveries")
@Tag(name = "Exchange")
class ApplicantUpdateApi {


    private final DeliveryRegister register;
    private final UpdatingApplicants updates;

    ApplicantUpdateApi(DeliveryRegister register, UpdatingApplicants updates) {
        this.register = register;
        this.updates = updates;
    }

    /** The body: the message, plain text of at most 500 characters. */
    record StatusUpdate(String message) {
    }

    @PostMapping(path = "/{id}/status-update", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send the applicant a short status message (at most 500 characters) about the delivery's step, "
            + "while it is ready or in progress; send an Idempotency-Key to retry safely")
    ResponseEntity<Map<String, Object>> send(@PathVariable UUID id, @RequestBody(required = false) StatusUpdate body,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
        String organisation = CurrentCaller.memberOrganisation()
                .orElseThrow(() -> new NotFound("Deliveries are read by member systems"));
        Delivery delivery = register.find(id).filter(d -> d.organisation().equals(organisation))
                .orElseThrow(() -> new NotFound("No delivery " + id));
        IdempotencyKeys.checkHeader(idempotencyKey);
        UpdatingApplicants.Result result = updates.send(delivery.caseId(), delivery.step(),
                body == null ? null : body.message(), idempotencyKey, organisation, organisation);
        if (result instanceof UpdatingApplicants.Sent sent) {
            return ResponseEntity.status(sent.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                    .header("Idempotent-Replayed", String.valueOf(sent.replayed()))
                    .body(answer(id, sent.update(), sent.replayed()));
        }
        if (result instanceof UpdatingApplicants.Invalid invalid) {
            throw new InvalidInput("The status update is not valid", invalid.violations());
        }
        if (result instanceof UpdatingApplicants.KeyReused reused) {
            throw Problem.of(HttpStatus.CONFLICT, "idempotency-key-reused", "Idempotency key already used",
                    "The key was used for another update of this step (" + reused.earlier().id()
                            + "); use a new key for a new update.");
        }
        throw Problem.of(HttpStatus.CONFLICT, "delivery-conflict", "Conflict",
                ((UpdatingApplicants.NotAllowed) result).why() + ".");
    }

    private static Map<String, Object> answer(UUID delivery, ApplicantUpdate update, boolean replayed) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", update.id());
        body.put("delivery", delivery);
        body.put("step", update.step());
        body.put("round", update.round());
        body.put("message", update.message());
        body.put("sentAt", update.sentAt());
        body.put("replayed", replayed);
        return body;
    }
}
