package org.onestop.console.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.onestop.access.CurrentCaller;
import org.onestop.access.StaffMember;
import org.onestop.access.StaffRole;
import org.onestop.cases.Case;
import org.onestop.cases.Cases;
import org.onestop.exchange.Deliveries;
import org.onestop.exchange.Delivery;
import org.onestop.exchange.DeliveryPause;
import org.onestop.exchange.DeliveryPauses;
import org.onestop.exchange.DeliveryState;
import org.onestop.network.Organisation;
import org.onestop.network.Organisations;
import org.onestop.network.ReceivingMode;
import org.onestop.platform.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deliveries as staff watch them: per organisation (managers see all, an operator its own) the
 * counts by state, the dead and the stuck deliveries, and one delivery's attempts; replay, replay
 * all dead, pause and resume. Anyone else is told the pages do not exist.
 */
@Controller
final class DeliveryPages {

    static final int LIMIT = 50;
    static final Duration STUCK_AFTER = Duration.ofMinutes(5);

    /** A delivery in a list, with the reference of its case. */
    record Row(Delivery delivery, String reference) {
    }

    /** One organisation's deliveries at a glance. */
    record Overview(String code, String name, Map<DeliveryState, Long> counts, DeliveryPause pause, List<Row> dead,
            List<Row> stuck) {
    }

    private final Deliveries deliveries;
    private final DeliveryPauses pauses;
    private final Organisations organisations;
    private final Cases cases;

    DeliveryPages(Deliveries deliveries, DeliveryPauses pauses, Organisations organisations, Cases cases) {
        this.deliveries = deliveries;
        this.pauses = pauses;
        this.organisations = organisations;
        this.cases = cases;
    }

    @GetMapping("/console/deliveries")
    String overview(Model model) {
        StaffMember staff = staff();
        Map<String, Map<DeliveryState, Long>> counts = deliveries.countsByOrganisation();
        TreeSet<String> codes = new TreeSet<>();
        if (staff.role() == StaffRole.MANAGER) {
            codes.addAll(counts.keySet());
            organisations.all().stream().filter(o -> o.receiving() != ReceivingMode.INBOX).forEach(o -> codes.add(o.code()));
        } else {
            codes.add(staff.organisation());
        }
        model.addAttribute("states", DeliveryState.values());
        model.addAttribute("overviews", codes.stream().map(code -> overview(code, counts.getOrDefault(code, Map.of()))).toList());
        return "console/deliveries/deliveries";
    }

    @GetMapping("/console/deliveries/{id}")
    String delivery(@PathVariable String id, Model model) {
        Delivery delivery = visible(id);
        model.addAttribute("delivery", delivery);
        model.addAttribute("reference", reference(delivery));
        model.addAttribute("organisationName", name(delivery.organisation()));
        model.addAttribute("attempts", deliveries.attempts(delivery.id()));
        return "console/deliveries/delivery";
    }

    @PostMapping("/console/deliveries/{id}/replay")
    String replay(@PathVariable String id, RedirectAttributes redirect) {
        Delivery delivery = visible(id);
        if (deliveries.replay(delivery.id(), staff().username())) {
            redirect.addFlashAttribute("success", "The delivery will be sent again");
        } else {
            redirect.addFlashAttribute("notice", "Only a dead delivery can be replayed");
        }
        return "redirect:/console/deliveries/" + delivery.id();
    }

    @PostMapping("/console/deliveries/organisations/{code}/replay-dead")
    String replayDead(@PathVariable String code, RedirectAttributes redirect) {
        String organisation = actingFor(code);
        int replayed = deliveries.replayDead(organisation, staff().username());
        redirect.addFlashAttribute("success", replayed == 1 ? "1 dead delivery of " + name(organisation) + " will be sent again"
                : replayed + " dead deliveries of " + name(organisation) + " will be sent again");
        return "redirect:/console/deliveries";
    }

    @PostMapping("/console/deliveries/organisations/{code}/pause")
    String pause(@PathVariable String code, RedirectAttributes redirect) {
        String organisation = actingFor(code);
        pauses.pause(organisation, staff().username());
        redirect.addFlashAttribute("success", "Deliveries to " + name(organisation) + " are paused");
        return "redirect:/console/deliveries";
    }

    @PostMapping("/console/deliveries/organisations/{code}/resume")
    String resume(@PathVariable String code, RedirectAttributes redirect) {
        String organisation = actingFor(code);
        pauses.resume(organisation, staff().username());
        redirect.addFlashAttribute("success", "Deliveries to " + name(organisation) + " are resumed");
        return "redirect:/console/deliveries";
    }

    private Overview overview(String code, Map<DeliveryState, Long> counted) {
        Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
        for (DeliveryState state : DeliveryState.values()) {
            counts.put(state, counted.getOrDefault(state, 0L));
        }
        return new Overview(code, name(code), counts, pauses.of(code).orElse(null), rows(deliveries.of(code, DeliveryState.DEAD, LIMIT)),
                rows(deliveries.stuck(code, STUCK_AFTER, LIMIT)));
    }

    private List<Row> rows(List<Delivery> list) {
        return list.stream().map(d -> new Row(d, reference(d))).toList();
    }

    private String reference(Delivery delivery) {
        return cases.find(delivery.caseId()).map(Case::reference).orElse(delivery.caseId().toString());
    }

    private String name(String code) {
        return organisations.find(code).map(Organisation::name).orElse(code);
    }

    /** The delivery, if the signed-in staff member may see it. */
    private Delivery visible(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("No delivery " + id);
        }
        StaffMember staff = staff();
        return deliveries.find(uuid).filter(d -> staff.role() == StaffRole.MANAGER || d.organisation().equals(staff.organisation()))
                .orElseThrow(() -> new NotFound("No delivery " + id));
    }

    private String actingFor(String code) {
        StaffMember staff = staff();
        if (organisations.find(code).isEmpty() || staff.role() == StaffRole.OPERATOR && !code.equals(staff.organisation())) {
            throw new NotFound("No organisation " + code);
        }
        return code;
    }

    /** Managers and operators; auditors and others are told the pages do not exist. */
    private static StaffMember staff() {
        return CurrentCaller.staffMember().filter(s -> s.role() == StaffRole.MANAGER || s.role() == StaffRole.OPERATOR)
                .orElseThrow(() -> new NotFound("No such page"));
    }
}
