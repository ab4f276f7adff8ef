package org.onestop.network.internal;

import org.onestop.network.Agreement;
import org.onestop.network.Agreements;
import org.onestop.network.Organisation;
import org.onestop.network.Organisations;
import org.onestop.platform.NotFound;
import org.onestop.platform.PageOf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Network", description = "Organisations and agreements (changes go through the network definition)")
class NetworkApi {

    private final Organisations organisations;
    private final Agreements agreements;

    NetworkApi(Organisations organisations, Agreements agreements) {
        this.organisations = organisations;
        this.agreements = agreements;
    }

    @GetMapping("/organisations")
    @Operation(summary = "List organisations, by code")
    PageOf<Organisation> organisations(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageOf.checkBounds(page, size);
        return PageOf.of(organisations.all(), page, size);
    }

    @GetMapping("/organisations/{code}")
    @Operation(summary = "One organisation")
    Organisation organisation(@PathVariable String code) {
        return organisations.find(code).orElseThrow(() -> new NotFound("No organisation '" + code + "'"));
    }

    @GetMapping("/agreements")
    @Operation(summary = "List agreements, optionally of one service or one organisation")
    PageOf<Agreement> agreements(@RequestParam(required = false) String service,
            @RequestParam(required = false) String organisation, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageOf.checkBounds(page, size);
        var list = (service == null ? agreements.all() : agreements.forService(service)).stream()
                .filter(a -> organisation == null || a.organisation().equals(organisation)).toList();
        return PageOf.of(list, page, size);
    }

    @GetMapping("/agreements/{code}")
    @Operation(summary = "One agreement")
    Agreement agreement(@PathVariable String code) {
        return agreements.find(code).orElseThrow(() -> new NotFound("No agreement '" + code + "'"));
    }
}
