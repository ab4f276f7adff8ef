package org.onestop.exchange.internal;

import java.util.Map;

import org.onestop.exchange.DeliveryPauses;
import org.onestop.network.Organisations;
import org.onestop.platform.NotFound;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Pausing and resuming pushes to an organisation, for managers and the organisation's operators.
 * Under {@code /api/v1/deliveries} rather than {@code /api/v1/organisations}, where every write is for managers only.
 */
@RestController
@RequestMapping("/api/v1/deliveries/organisations")
@Tag(name = "Exchange")
class DeliveryPauseApi {

    private final DeliveryPauses pauses;
    private final Organisations organisations;

    DeliveryPauseApi(DeliveryPauses pauses, Organisations organisations) {
        this.pauses = pauses;
        this.organisations = organisations;
    }

    @PostMapping("/{code}:pause")
    @Operation(summary = "Pause pushes to the organisation: its deliveries wait, without attempts, until resumed")
    Map<String, Object> pause(@PathVariable String code) {
        var staff = DeliveryStaff.actingFor(known(code), "No organisation " + code);
        boolean changed = pauses.pause(code, staff.username());
        return Map.of("organisation", code, "paused", true, "changed", changed);
    }

    @PostMapping("/{code}:resume")
    @Operation(summary = "Resume pushes to the organisation")
    Map<String, Object> resume(@PathVariable String code) {
        var staff = DeliveryStaff.actingFor(known(code), "No organisation " + code);
        boolean changed = pauses.resume(code, staff.username());
        return Map.of("organisation", code, "paused", false, "changed", changed);
    }

    private String known(String code) {
        return organisations.find(code).map(organisation -> organisation.code())
                .orElseThrow(() -> new NotFound("No organisation " + code));
    }
}
