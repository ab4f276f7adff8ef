package org.onestop.console.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.access.CurrentCaller;
import org.onestop.access.StaffMember;
import org.onestop.access.StaffRole;
import org.onestop.cases.Cases;
import org.onestop.cases.StepResult;
import org.onestop.cases.UpdatingApplicants;
import org.onestop.cases.WorkItem;
import org.onestop.cases.WorkingOnCases;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.Service;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator's inbox: the steps waiting on its organisation, and one step's page where the
 * operator starts, completes or rejects it. Only operators have an inbox.
 */
@Controller
final class InboxPages {

    static final int LIMIT = 200;
    static final int MAX_FIELDS = 50;

    /** Anyone but an operator asked for the inbox. */
    static final class NotAnOperator extends RuntimeException {
        NotAnOperator() {
            super("The inbox is for operators");
        }
    }

    private final Cases cases;
    private final WorkingOnCases work;
    private final Catalog catalog;
    private final StepPage page;
    private final UpdatingApplicants updates;
    private final Clock clock;

    InboxPages(Cases cases, WorkingOnCases work, Catalog catalog, StepPage page, UpdatingApplicants updates, Clock clock) {
        this.cases = cases;
        this.work = work;
        this.catalog = catalog;
        this.page = page;
        this.updates = updates;
        this.clock = clock;
    }

    @GetMapping("/console/inbox")
    String inbox(Model model) {
        StaffMember operator = operator();
        List<WorkItem> items = cases.workFor(operator.organisation(), LIMIT);
        Map<String, String> serviceNames = new HashMap<>();
        items.forEach(item -> serviceNames.computeIfAbsent(item.serviceCode(),
                code -> catalog.latest(code).map(Service::definition).map(d -> d.name()).orElse(code)));
        model.addAttribute("items", items);
        model.addAttribute("serviceNames", serviceNames);
        model.addAttribute("limited", items.size() >= LIMIT);
        model.addAttribute("now", clock.instant());
        return "console/inbox/inbox";
    }

    @GetMapping("/console/inbox/{caseId}/{step}")
    String step(@PathVariable String caseId, @PathVariable String step, Model model) {
        return page.show(StepPage.caseId(caseId), step, operator(), model);
    }

    @PostMapping("/console/inbox/{caseId}/{step}/start")
    String start(@PathVariable String caseId, @PathVariable String step, Model model, RedirectAttributes redirect) {
        StaffMember operator = operator();
        UUID id = StepPage.caseId(caseId);
        String reference = page.ownStep(id, step, operator).reference();
        StepResult result = work.start(id, step, operator.organisation(), operator.username());
        if (result instanceof StepResult.Done) {
            redirect.addFlashAttribute("success", "You started work on this step of " + reference);
            return "redirect:/console/inbox/" + id + "/" + step;
        }
        page.refused(result, model);
        return page.show(id, step, operator, model);
    }

    @PostMapping("/console/inbox/{caseId}/{step}/complete")
    String complete(@PathVariable String caseId, @PathVariable String step, @RequestParam Map<String, String> parameters,
            Model model, RedirectAttributes redirect) {
        StaffMember operator = operator();
        UUID id = StepPage.caseId(caseId);
        OutputForm form = page.outputForm(id, step, operator);
        Map<String, String> answers = form.answers(parameters);
        StepResult result = work.complete(id, step, form.output(answers), operator.organisation(), operator.username());
        if (result instanceof StepResult.Done done) {
            redirect.addFlashAttribute("success", "Step completed for " + done.after().reference());
            return "redirect:/console/inbox";
        }
        model.addAttribute("answers", answers);
        if (result instanceof StepResult.Invalid invalid) {
            model.addAttribute("errors", form.errors(invalid.violations(), answers));
            model.addAttribute("problems", form.otherProblems(invalid.violations()));
        } else {
            page.refused(result, model);
        }
        return page.show(id, step, operator, model);
    }

    @PostMapping("/console/inbox/{caseId}/{step}/reject")
    String reject(@PathVariable String caseId, @PathVariable String step,
            @RequestParam(required = false, defaultValue = "") String reason,
            @RequestParam(required = false, defaultValue = "") String decision,
            @RequestParam(required = false) List<String> fields, Model model, RedirectAttributes redirect) {
        StaffMember operator = operator();
        UUID id = StepPage.caseId(caseId);
        page.ownStep(id, step, operator);
        List<String> chosen = fields == null ? List.of() : fields.stream().limit(MAX_FIELDS).toList();
        boolean correction = "correction".equals(decision);
        StepResult result;
        if (!correction && !"final".equals(decision)) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put("decision", "Select whether to reject the step or ask the applicant to correct");
            if (reason.isBlank()) {
                errors.put("reason", "Enter the reason for rejecting the step");
            }
            result = null;
            model.addAttribute("errors", errors);
        } else if (correction) {
            result = work.askForCorrection(id, step, reason, chosen, operator.organisation(), operator.username());
        } else {
            result = work.reject(id, step, reason, operator.organisation(), operator.username());
        }
        if (result instanceof StepResult.Done done) {
            redirect.addFlashAttribute("success", correction
                    ? "The applicant of " + done.after().reference() + " is asked to correct their answers"
                    : "Step rejected for " + done.after().reference());
            return "redirect:/console/inbox";
        }
        model.addAttribute("reason", reason);
        model.addAttribute("decision", correction ? "correction" : "final".equals(decision) ? "final" : "");
        model.addAttribute("chosenFields", chosen);
        if (result instanceof StepResult.Invalid invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.violations().forEach(v -> errors.putIfAbsent(v.path().startsWith("fields") ? "fields" : "reason",
                    v.path().startsWith("fields") ? "Select only answers this step takes" : v.message()));
            model.addAttribute("errors", errors);
        } else if (result != null) {
            page.refused(result, model);
        }
        return page.show(id, step, operator, model);
    }

    /** A short status message to the applicant about this step; the step's page shows it among those sent. */
    @PostMapping("/console/inbox/{caseId}/{step}/update")
    String update(@PathVariable String caseId, @PathVariable String step,
            @RequestParam(required = false, defaultValue = "") String message, Model model, RedirectAttributes redirect) {
        StaffMember operator = operator();
        UUID id = StepPage.caseId(caseId);
        String reference = page.ownStep(id, step, operator).reference();
        UpdatingApplicants.Result result = updates.send(id, step, message, null, operator.organisation(),
                operator.username());
        if (result instanceof UpdatingApplicants.Sent) {
            redirect.addFlashAttribute("success", "Your update was sent to the applicant of " + reference);
            return "redirect:/console/inbox/" + id + "/" + step;
        }
        String typed = message.length() > 2 * UpdatingApplicants.MAX_MESSAGE
                ? message.substring(0, 2 * UpdatingApplicants.MAX_MESSAGE) : message;
        model.addAttribute("message", typed);
        if (result instanceof UpdatingApplicants.Invalid invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.violations().forEach(v -> errors.putIfAbsent("message", v.message()));
            model.addAttribute("errors", errors);
        } else if (result instanceof UpdatingApplicants.NotAllowed refused) {
            model.addAttribute("problems", List.of(refused.why()));
        }
        return page.show(id, step, operator, model);
    }

    @ExceptionHandler(NotAnOperator.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String notAnOperator() {
        return "console/inbox/operators-only";
    }

    private static StaffMember operator() {
        return CurrentCaller.staffMember().filter(member -> member.role() == StaffRole.OPERATOR)
                .orElseThrow(NotAnOperator::new);
    }
}
