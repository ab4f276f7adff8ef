package org.onestop.console.internal;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.onestop.access.CurrentCaller;
import org.onestop.access.StaffMember;
import org.onestop.access.StaffRole;
import org.onestop.insight.Complaint;
import org.onestop.insight.Complaints;
import org.onestop.network.Organisation;
import org.onestop.network.Organisations;
import org.onestop.platform.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Complaints and appeals made by applicants from the status page. Managers and auditors see all of
 * them; an operator sees the appeals against the steps of their own organisation.
 */
@Controller
final class ComplaintListPages {

    static final int SHOWN = 200;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK)
            .withZone(java.time.ZoneOffset.UTC);

    /** One complaint as listed, with the names an operator reads. */
    record Row(Complaint complaint, String when, String organisationName) {
    }

    private final Complaints complaints;
    private final Organisations organisations;

    ComplaintListPages(Complaints complaints, Organisations organisations) {
        this.complaints = complaints;
        this.organisations = organisations;
    }

    static boolean allowed() {
        return CurrentCaller.staffMember().isPresent();
    }

    @GetMapping("/console/complaints")
    String list(Model model) {
        StaffMember member = CurrentCaller.staffMember().orElseThrow(() -> new NotFound("No such page"));
        boolean operator = member.role() == StaffRole.OPERATOR;
        List<Complaint> shown = operator ? complaints.appealsTo(member.organisation(), SHOWN) : complaints.recent(SHOWN);
        model.addAttribute("rows", shown.stream().map(c -> new Row(c, WHEN.format(c.madeAt()),
                c.organisation() == null ? "" : organisations.find(c.organisation()).map(Organisation::name)
                        .orElse(c.organisation()))).toList());
        model.addAttribute("forOrganisation", operator ? organisations.find(member.organisation())
                .map(Organisation::name).orElse(member.organisation()) : null);
        model.addAttribute("shownAtMost", SHOWN);
        return "console/complaints";
    }
}
