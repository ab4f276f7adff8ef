package org.onestop.mandates.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.network.OrganisationKind;
import org.onestop.network.Organisations;
import org.onestop.platform.NotFound;
import org.onestop.platform.PageOf;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Mandates", description = "Who may act for whom: request, confirm, revoke, list, history")
final class MandatesApi {

    /** A new request, with the link that confirms it when the platform is configured to hand it back. */
    record RequestedMandate(@JsonUnwrapped MandateRecord mandate, String confirmationLink) {
    }

    record ConfirmationRequest(String token) {
    }

    record HistoryEntry(UUID id, Instant occurredAt, String type, String actor, Map<String, Object> attributes) {
    }

    private final RequestingMandate requesting;
    private final ConfirmingMandate confirming;
    private final RevokingMandate revoking;
    private final MandateRegister register;
    private final MandateEvents events;
    private final Organisations organisations;
    private final Clock clock;
    private final boolean returnConfirmationLink;

    MandatesApi(RequestingMandate requesting, ConfirmingMandate confirming, RevokingMandate revoking,
            MandateRegister register, MandateEvents events, Organisations organisations, Clock clock,
            @Value("${onestop.mandates.return-confirmation-link:true}") boolean returnConfirmationLink) {
        this.requesting = requesting;
        this.confirming = confirming;
        this.revoking = revoking;
        this.register = register;
        this.events = events;
        this.organisations = organisations;
        this.clock = clock;
        this.returnConfirmationLink = returnConfirmationLink;
    }

    @PostMapping("/mandates")
    @Operation(summary = "Request a mandate (intermediaries only); the principal confirms it with a one-time link")
    ResponseEntity<RequestedMandate> request(@RequestBody MandateRequest request) {
        String agent = MandateCaller.current().member();
        boolean intermediary = agent != null && organisations.find(agent)
                .filter(o -> o.kind() == OrganisationKind.INTERMEDIARY).isPresent();
        if (!intermediary) {
            throw MandateProblem.of(HttpStatus.FORBIDDEN, "not-an-intermediary", "Forbidden",
                    "Only a member organisation of kind intermediary may request mandates.");
        }
        RequestingMandate.Requested requested = requesting.request(agent, request);
        String link = returnConfirmationLink ? "/mandates/confirm/" + requested.token() : null;
        return ResponseEntity.created(URI.create("/api/v1/mandates/" + requested.mandate().id()))
                .body(new RequestedMandate(requested.mandate(), link));
    }

    @PostMapping("/mandates:confirm")
    @Operation(summary = "Confirm a requested mandate with its one-time token (the principal; no sign-in)")
    MandateRecord confirm(@RequestBody ConfirmationRequest request) {
        ConfirmingMandate.Confirmation confirmation = confirming.confirm(request.token());
        if (confirmation.refusal() != null) {
            throw MandateProblem.forConfirmation(confirmation.refusal());
        }
        return confirmation.mandate();
    }

    @PostMapping("/mandates/{id}:revoke")
    @Operation(summary = "Revoke a mandate: its agent, or a manager on the principal's behalf")
    MandateRecord revoke(@PathVariable UUID id) {
        MandateCaller caller = MandateCaller.current();
        if (caller.member() == null && !caller.isManager()) {
            throw MandateProblem.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Only the mandate's agent or a manager may revoke a mandate.");
        }
        MandateRegister.Entry entry = visible(id, caller);
        Revoker by = caller.member() != null ? Revoker.AGENT : Revoker.MANAGER;
        return revoking.revoke(entry, by, caller.actor()).orElseThrow(() -> MandateProblem.of(HttpStatus.CONFLICT,
                "mandate-revoked", "Already revoked", "Mandate " + id + " has been revoked already."));
    }

    @GetMapping("/mandates")
    @Operation(summary = "List mandates, newest first: an agent its own, staff all; optionally of one principal")
    PageOf<MandateRecord> list(@RequestParam(required = false) String principal,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageOf.checkBounds(page, size);
        return register.list(MandateCaller.current().agentSeen().orElse(null), principal, page, size);
    }

    @GetMapping("/mandates/{id}")
    @Operation(summary = "One mandate, with its effective status")
    MandateRecord mandate(@PathVariable UUID id) {
        return visible(id, MandateCaller.current()).asOf(LocalDate.now(clock));
    }

    @GetMapping("/mandates/{id}/history")
    @Operation(summary = "What happened to a mandate, oldest first (from the event log)")
    List<HistoryEntry> history(@PathVariable UUID id) {
        MandateRegister.Entry entry = visible(id, MandateCaller.current());
        return events.history(id, entry.mandate().agent()).stream()
                .map(e -> new HistoryEntry(e.id(), e.occurredAt(), e.type(), e.actor(), e.attributes()))
                .toList();
    }

    /** The mandate if the caller may see it; another agent's mandate does not exist for the caller. */
    private MandateRegister.Entry visible(UUID id, MandateCaller caller) {
        return register.find(id).filter(entry -> caller.sees(entry.mandate()))
                .orElseThrow(() -> new NotFound("No mandate " + id));
    }
}
