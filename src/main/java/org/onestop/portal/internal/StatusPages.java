package org.onestop.portal.internal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.onestop.cases.Case;
import org.onestop.cases.CaseStatus;
import org.onestop.cases.Cases;
import org.onestop.cases.StepResult;
import org.onestop.cases.UpdatingApplicants;
import org.onestop.cases.WorkingOnCases;
import org.onestop.intake.Application;
import org.onestop.intake.Applications;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The status of a case, once its reference and access code are verified. The case's id is only
 * ever taken from the session, never from the request, so no form field or address can reach another case.
 */
@Controller
final class StatusPages {

    static final String VERIFIED = "portal.status.application";
    private static final int MAX_INPUT = 64;
    private static final String WRONG_PAIR = "Enter a correct reference and access code";

    private final Applications applications;
    private final Cases cases;
    private final WorkingOnCases working;
    private final CaseViews views;
    private final DataUseViews uses;
    private final UpdatingApplicants updates;

    StatusPages(Applications applications, Cases cases, WorkingOnCases working, CaseViews views, DataUseViews uses,
            UpdatingApplicants updates) {
        this.applications = applications;
        this.cases = cases;
        this.working = working;
        this.views = views;
        this.uses = uses;
        this.updates = updates;
    }

    @GetMapping("/status")
    String form(Model model) {
        model.addAttribute("errors", Map.of());
        return "portal/status-sign-in";
    }

    @PostMapping("/status")
    String verify(@RequestParam(name = "reference", required = false) String reference,
            @RequestParam(name = "accessCode", required = false) String accessCode, HttpSession session, Model model) {
        String ref = reference == null ? "" : reference.trim().toUpperCase();
        String code = accessCode == null ? "" : accessCode.trim();
        Optional<Application> found = ref.isEmpty() || code.isEmpty() || ref.length() > MAX_INPUT || code.length() > MAX_INPUT
                ? Optional.empty() : applications.findByReference(ref, code);
        if (found.isEmpty()) {
            model.addAttribute("errors", Map.of("reference", WRONG_PAIR));
            model.addAttribute("reference", ref.length() > MAX_INPUT ? "" : ref);
            return "portal/status-sign-in";
        }
        session.setAttribute(VERIFIED, found.get().id());
        return "redirect:/status/view";
    }

    @GetMapping("/status/view")
    String view(HttpSession session, Model model) {
        Optional<Case> shown = verifiedCase(session);
        if (shown.isEmpty()) {
            return "redirect:/status";
        }
        // a refusal may come from another page (a correction the case no longer waited for)
        return page(shown.get(), model.getAttribute("refusal") instanceof String why ? why : null, model);
    }

    @GetMapping("/status/withdraw")
    String confirmWithdrawal(HttpSession session, Model model) {
        Optional<Case> shown = verifiedCase(session);
        if (shown.isEmpty()) {
            return "redirect:/status";
        }
        model.addAttribute("case", shown.get());
        model.addAttribute("errors", Map.of());
        return "portal/withdraw";
    }

    @PostMapping("/status/withdraw")
    String withdraw(@RequestParam(name = "withdraw", required = false) String answer, HttpSession session, Model model) {
        Optional<Case> shown = verifiedCase(session);
        if (shown.isEmpty()) {
            return "redirect:/status";
        }
        if (!"yes".equals(answer) && !"no".equals(answer)) {
            model.addAttribute("case", shown.get());
            model.addAttribute("errors", Map.of("withdraw", "Select yes if you want to withdraw your application"));
            return "portal/withdraw";
        }
        if ("no".equals(answer)) {
            return "redirect:/status/view";
        }
        StepResult result = working.withdraw(shown.get().id(), "applicant");
        if (result instanceof StepResult.Done) {
            return "redirect:/status/view";
        }
        return page(cases.find(shown.get().id()).orElse(shown.get()),
                "Your application cannot be withdrawn now, because it is no longer open", model);
    }

    private Optional<Case> verifiedCase(HttpSession session) {
        Object id = session.getAttribute(VERIFIED);
        return id instanceof UUID verified ? cases.find(verified) : Optional.empty();
    }

    private String page(Case shown, String refusal, Model model) {
        model.addAttribute("case", shown);
        model.addAttribute("status", views.status(shown));
        model.addAttribute("submitted", views.day(shown.openedAt()));
        model.addAttribute("closed", views.day(shown.closedAt()));
        model.addAttribute("open", shown.status() == CaseStatus.OPEN);
        model.addAttribute("steps", views.steps(shown));
        model.addAttribute("refusal", refusal);
        model.addAttribute("dataUses", uses.of(shown));
        model.addAttribute("updates", views.updates(shown, updates.of(shown.id())));
        model.addAttribute("corrections", views.corrections(shown));
        return "portal/status";
    }
}
