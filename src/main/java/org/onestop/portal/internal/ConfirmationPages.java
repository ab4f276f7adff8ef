package org.onestop.portal.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.onestop.cases.Cases;
import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.platform.Ids;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The confirmation (the access code shown once), what happens next, and the satisfaction question. */
@Controller
class ConfirmationPages {

    static final int MAX_COMMENT = 1_200;
    static final List<String> SCORES = List.of("Very satisfied", "Satisfied", "Neither satisfied nor dissatisfied",
            "Dissatisfied", "Very dissatisfied");

    private final Cases cases;
    private final CaseViews views;
    private final EventLog events;
    private final Clock clock;

    ConfirmationPages(Cases cases, CaseViews views, EventLog events, Clock clock) {
        this.cases = cases;
        this.views = views;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/apply/{service}/confirmation")
    String confirmation(@PathVariable String service, HttpSession session, Model model) {
        Journey journey = Journey.existing(session, service);
        if (journey == null || !journey.submitted()) {
            return "redirect:/apply/" + service;
        }
        model.addAttribute("service", service);
        model.addAttribute("reference", journey.reference);
        model.addAttribute("accessCode", journey.accessCode);
        journey.accessCode = null;
        session.setAttribute(StatusPages.VERIFIED, journey.applicationId);
        model.addAttribute("steps", cases.find(journey.applicationId).map(views::steps).orElse(List.of()));
        return satisfactionForm(model, null, "", Map.of(), "portal/confirmation");
    }

    @GetMapping("/apply/{service}/satisfaction")
    String satisfaction(@PathVariable String service, Model model) {
        model.addAttribute("service", service);
        return satisfactionForm(model, null, "", Map.of(), "portal/satisfaction");
    }

    @PostMapping("/apply/{service}/satisfaction")
    @Transactional
    public String rate(@PathVariable String service, @RequestParam(name = "score", required = false) String score,
            @RequestParam(name = "comment", required = false) String comment, HttpSession session, Model model) {
        Journey journey = Journey.existing(session, service);
        if (journey == null || !journey.submitted()) {
            return "redirect:/apply/" + service;
        }
        model.addAttribute("service", service);
        return rate(journey.applicationId, score, comment, model);
    }

    /** The same question from the status page, so that an applicant can answer once the case has moved on. */
    @GetMapping("/status/satisfaction")
    String satisfactionFromStatus(HttpSession session, Model model) {
        if (!(session.getAttribute(StatusPages.VERIFIED) instanceof UUID)) {
            return "redirect:/status";
        }
        model.addAttribute("satisfactionAction", "/status/satisfaction");
        return satisfactionForm(model, null, "", Map.of(), "portal/satisfaction");
    }

    @PostMapping("/status/satisfaction")
    @Transactional
    public String rateFromStatus(@RequestParam(name = "score", required = false) String score,
            @RequestParam(name = "comment", required = false) String comment, HttpSession session, Model model) {
        if (!(session.getAttribute(StatusPages.VERIFIED) instanceof UUID applicationId)) {
            return "redirect:/status";
        }
        model.addAttribute("satisfactionAction", "/status/satisfaction");
        return rate(applicationId, score, comment, model);
    }

    private String rate(UUID applicationId, String score, String comment, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        int value = score != null && score.matches("[1-5]") ? Integer.parseInt(score) : 0;
        if (value == 0) {
            errors.put("score", "Select how satisfied you were with this service");
        }
        String text = comment == null ? "" : comment.trim();
        if (text.length() > MAX_COMMENT) {
            errors.put("comment", "Your comment must be " + MAX_COMMENT + " characters or fewer");
        }
        if (!errors.isEmpty()) {
            return satisfactionForm(model, score, text.length() > MAX_COMMENT ? text.substring(0, MAX_COMMENT) : text,
                    errors, "portal/satisfaction");
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("score", value);
        if (!text.isEmpty()) {
            attributes.put("comment", text);
        }
        events.append(new Event(Ids.newId(clock), clock.instant(), "satisfaction-rated", applicationId,
                applicationId, null, null, "portal", "applicant", attributes));
        return "redirect:/status/thank-you";
    }

    @GetMapping({"/apply/{service}/thank-you", "/status/thank-you"})
    String thanks(Model model) {
        return "portal/thank-you";
    }

    private static String satisfactionForm(Model model, String score, String comment, Map<String, String> errors,
            String view) {
        model.addAttribute("scores", SCORES);
        model.addAttribute("score", score);
        model.addAttribute("comment", comment);
        model.addAttribute("errors", errors);
        return view;
    }
}
