package org.onestop.portal.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.onestop.cases.Case;
import org.onestop.cases.CaseStep;
import org.onestop.cases.Cases;
import org.onestop.cases.StepState;
import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.platform.Ids;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A complaint about the service, or an appeal against a step that was rejected, from the status
 * page once the reference and access code are verified. Either is an event in the log
 * ({@code complaint-made}, or {@code appeal-made} with the step and the organisation that rejected
 * it), which operators and managers read in the console and insight counts per 1,000 cases.
 */
@Controller
class ComplaintPages {

    static final int MAX_DETAILS = 2_000;
    static final String SERVICE = "service";
    private static final String STEP_PREFIX = "step:";

    private final Cases cases;
    private final EventLog events;
    private final PublishedServices services;
    private final Clock clock;

    ComplaintPages(Cases cases, EventLog events, PublishedServices services, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.services = services;
        this.clock = clock;
    }

    /** One choice of what the complaint is about: the service, or a rejected step. */
    record Subject(String value, String label, String hint) {
    }

    @GetMapping("/status/complaint")
    String form(HttpSession session, Model model) {
        Optional<Case> shown = verifiedCase(session);
        if (shown.isEmpty()) {
            return "redirect:/status";
        }
        return form(shown.get(), null, "", Map.of(), model);
    }

    @PostMapping("/status/complaint")
    @Transactional
    public String make(@RequestParam(name = "about", required = false) String about,
            @RequestParam(name = "details", required = false) String details, HttpSession session, Model model) {
        Optional<Case> shown = verifiedCase(session);
        if (shown.isEmpty()) {
            return "redirect:/status";
        }
        Case complained = shown.get();
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<CaseStep> appealed = Optional.empty();
        if (about == null || about.isBlank()) {
            errors.put("about", "Select what your complaint is about");
        } else if (about.startsWith(STEP_PREFIX)) {
            appealed = rejectedSteps(complained).stream()
                    .filter(step -> step.code().equals(about.substring(STEP_PREFIX.length()))).findFirst();
            if (appealed.isEmpty()) {
                errors.put("about", "Select what your complaint is about");
            }
        } else if (!SERVICE.equals(about)) {
            errors.put("about", "Select what your complaint is about");
        }
        String text = details == null ? "" : details.strip();
        if (text.isEmpty()) {
            errors.put("details", "Enter what went wrong and what you would like to happen");
        } else if (text.length() > MAX_DETAILS) {
            errors.put("details", "What went wrong must be " + String.format("%,d", MAX_DETAILS) + " characters or fewer");
        }
        if (!errors.isEmpty()) {
            String kept = text.length() > MAX_DETAILS ? text.substring(0, MAX_DETAILS) : text;
            return form(complained, errors.containsKey("about") ? null : about, kept, errors, model);
        }
        Map<String, Object> attributes = Map.of("reference", complained.reference(), "service",
                complained.serviceCode(), "text", text);
        if (appealed.isPresent()) {
            events.append(new Event(Ids.newId(clock), clock.instant(), "appeal-made", complained.id(), complained.id(),
                    appealed.get().code(), appealed.get().organisation(), "portal", "applicant", attributes));
        } else {
            events.append(new Event(Ids.newId(clock), clock.instant(), "complaint-made", complained.id(), complained.id(),
                    null, null, "portal", "applicant", attributes));
        }
        return "redirect:/status/complaint/sent" + (appealed.isPresent() ? "?appeal=true" : "");
    }

    @GetMapping("/status/complaint/sent")
    String sent(@RequestParam(name = "appeal", required = false) String appeal, HttpSession session, Model model) {
        Optional<Case> shown = verifiedCase(session);
        if (shown.isEmpty()) {
            return "redirect:/status";
        }
        model.addAttribute("appeal", "true".equals(appeal));
        model.addAttribute("reference", shown.get().reference());
        return "portal/complaint-sent";
    }

    private String form(Case complained, String about, String details, Map<String, String> errors, Model model) {
        List<Subject> subjects = new java.util.ArrayList<>();
        subjects.add(new Subject(SERVICE, "The service", "For example how long it takes, how you were treated, "
                + "or information that was wrong"));
        for (CaseStep step : rejectedSteps(complained)) {
            subjects.add(new Subject(STEP_PREFIX + step.code(), "Appeal the decision: " + step.name(),
                    services.organisationName(step.organisation()) + " turned this down"
                            + (step.reason() == null ? "" : ": " + step.reason())));
        }
        model.addAttribute("case", complained);
        model.addAttribute("subjects", subjects);
        model.addAttribute("about", about);
        model.addAttribute("details", details);
        model.addAttribute("errors", errors);
        model.addAttribute("maxDetails", MAX_DETAILS);
        return "portal/complaint";
    }

    private static List<CaseStep> rejectedSteps(Case complained) {
        return complained.steps().stream().filter(step -> step.state() == StepState.REJECTED).toList();
    }

    private Optional<Case> verifiedCase(HttpSession session) {
        Object id = session.getAttribute(StatusPages.VERIFIED);
        return id instanceof UUID verified ? cases.find(verified) : Optional.empty();
    }
}
