package org.onestop.console.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.access.CurrentCaller;
import org.onestop.access.StaffRole;
import org.onestop.cases.Case;
import org.onestop.cases.Cases;
import org.onestop.ledger.DataUse;
import org.onestop.ledger.DataUses;
import org.onestop.network.Organisation;
import org.onestop.network.Organisations;
import org.onestop.platform.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditor's view of who used whose data, across cases: deliveries, registry queries and staff
 * views with their ledger entries, filtered by organisation and period. Auditors and managers only.
 */
@Controller
final class DataUsePages {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    /** A use with the reference of its case. */
    record Row(DataUse use, String reference) {
    }

    private final DataUses uses;
    private final Organisations organisations;
    private final Cases cases;
    private final Clock clock;

    DataUsePages(DataUses uses, Organisations organisations, Cases cases, Clock clock) {
        this.uses = uses;
        this.organisations = organisations;
        this.cases = cases;
        this.clock = clock;
    }

    @GetMapping("/console/data-uses")
    String list(@RequestParam(name = "organisation", required = false) String organisation,
            @RequestParam(name = "from", required = false) String from, @RequestParam(name = "to", required = false) String to,
            Model model) {
        if (!CurrentCaller.staffMember().map(s -> s.role() == StaffRole.AUDITOR || s.role() == StaffRole.MANAGER).orElse(false)) {
            throw new NotFound("No such page");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate today = LocalDate.now(clock);
        LocalDate last = day(to, today, "to", errors);
        LocalDate first = day(from, last.minusDays(DEFAULT_DAYS - 1L), "from", errors);
        if (errors.isEmpty() && first.isAfter(last)) {
            errors.put("from", "The start of the period must be on or before its end");
        } else if (errors.isEmpty() && first.plusDays(MAX_DAYS).isBefore(last)) {
            errors.put("from", "The period can be at most " + MAX_DAYS + " days");
        }
        List<Organisation> all = organisations.all();
        String chosen = organisation == null || organisation.isBlank() ? null : organisation;
        if (chosen != null && all.stream().noneMatch(o -> o.code().equals(chosen))) {
            errors.put("organisation", "Select an organisation of the network");
        }
        model.addAttribute("organisations", all);
        model.addAttribute("organisation", chosen == null ? "" : chosen);
        model.addAttribute("from", from == null ? first.toString() : from);
        model.addAttribute("to", to == null ? last.toString() : to);
        model.addAttribute("errors", errors);
        model.addAttribute("limit", DataUses.MAX_ROWS);
        if (!errors.isEmpty()) {
            model.addAttribute("rows", List.of());
            return "console/data-uses";
        }
        List<DataUse> found = uses.across(chosen, first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<UUID, String> references = new HashMap<>();
        model.addAttribute("rows", found.stream().map(use -> new Row(use, use.caseId() == null ? ""
                : references.computeIfAbsent(use.caseId(), id -> cases.find(id).map(Case::reference).orElse("")))).toList());
        return "console/data-uses";
    }

    private static LocalDate day(String text, LocalDate otherwise, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.put(field, "Enter a date like 2026-05-01");
            return otherwise;
        }
    }
}
