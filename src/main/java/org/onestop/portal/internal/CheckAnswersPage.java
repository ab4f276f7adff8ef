package org.onestop.portal.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

import org.onestop.catalog.Service;
import org.onestop.intake.Channel;
import org.onestop.intake.NewApplication;
import org.onestop.intake.Principal;
import org.onestop.intake.Submission;
import org.onestop.intake.SubmittingApplication;
import org.onestop.platform.Violation;
import org.onestop.query.RegistryQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** "Check your answers", the declaration, and the submission with the journey's idempotency key. */
@Controller
final class CheckAnswersPage {

    private static final Logger log = LoggerFactory.getLogger(CheckAnswersPage.class);

    private final PublishedServices services;
    private final SubmittingApplication submitting;
    private final RegistryQueries queries;

    CheckAnswersPage(PublishedServices services, SubmittingApplication submitting, RegistryQueries queries) {
        this.services = services;
        this.submitting = submitting;
        this.queries = queries;
    }

    @GetMapping("/apply/{service}/check-answers")
    String show(@PathVariable String service, HttpSession session, Model model) {
        Service published = services.published(service);
        Journey journey = Journey.existing(session, service);
        if (journey == null || journey.submitted()) {
            return "redirect:/apply/" + service;
        }
        String incomplete = incomplete(published, journey);
        return incomplete != null ? "redirect:" + incomplete : page(published, journey, List.of(), model);
    }

    @PostMapping("/apply/{service}/check-answers")
    String submit(@PathVariable String service, @RequestParam(name = "declaration", required = false) String declaration,
            HttpSession session, Model model) {
        Service published = services.published(service);
        Journey journey = Journey.existing(session, service);
        if (journey == null) {
            return "redirect:/apply/" + service;
        }
        synchronized (journey) {
            if (journey.submitted()) {
                return "redirect:/apply/" + service + "/confirmation";
            }
            String incomplete = incomplete(published, journey);
            if (incomplete != null) {
                return "redirect:" + incomplete;
            }
            if (!"confirmed".equals(declaration)) {
                return page(published, journey, List.of(new Violation("declaration",
                        "Confirm that the information you have given is correct")), model);
            }
            JsonNode form = form(published, journey);
            String name = form.path("applicant").path("fullName").asString("Applicant");
            Principal principal = new Principal(Principal.Kind.PERSON, journey.principalId,
                    name.isBlank() ? "Applicant" : name.length() > 200 ? name.substring(0, 200) : name);
            Submission submission = submitting.submit(new NewApplication(service, principal, form, Channel.PORTAL, null,
                    "applicant", journey.idempotencyKey));
            if (submission instanceof Submission.Accepted accepted) {
                journey.applicationId = accepted.receipt().id();
                journey.reference = accepted.receipt().reference();
                journey.accessCode = accepted.receipt().accessCode();
                session.setAttribute(StatusPages.VERIFIED, journey.applicationId);
                attributeQueries(journey, accepted);
                return "redirect:/apply/" + service + "/confirmation";
            }
            List<Violation> problems = submission instanceof Submission.Invalid invalid ? invalid.violations()
                    : List.of(new Violation("declaration", "Your application could not be sent. Try again later"));
            return page(published, journey, problems, model);
        }
    }

    /** The registry queries made for this journey (the address look-up) now concern the application; a failure here never undoes the submission. */
    private void attributeQueries(Journey journey, Submission.Accepted accepted) {
        if (accepted.replayed() || journey.queryAnswers.isEmpty()) {
            return;
        }
        try {
            queries.attribute(List.copyOf(journey.queryAnswers), accepted.receipt().id());
        } catch (RuntimeException e) {
            log.warn("Could not attribute the journey's registry queries to application {}", accepted.receipt().id(), e);
        }
    }

    private static String incomplete(Service service, Journey journey) {
        for (Section section : FormPages.sections(service.definition().form())) {
            if (!journey.saved.contains(section.key()) || !SectionCheck.check(section, journey.answers).valid()) {
                return "/apply/" + service.code() + "/" + section.key();
            }
        }
        return null;
    }

    static JsonNode form(Service service, Journey journey) {
        ObjectNode form = JsonNodeFactory.instance.objectNode();
        for (Section section : FormPages.sections(service.definition().form())) {
            JsonNode value = SectionCheck.check(section, journey.answers).value();
            if (value != null) {
                form.set(section.key(), value);
            }
        }
        return form;
    }

    private String page(Service service, Journey journey, List<Violation> problems, Model model) {
        Map<String, List<SummaryRows.Row>> rows = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (Section section : FormPages.sections(service.definition().form())) {
            rows.put(section.key(), SummaryRows.of(service.code(), section, journey.answers));
            titles.put(section.key(), section.title());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (Violation problem : problems) {
            errors.putIfAbsent(problem.path(), problem.path().equals("declaration") ? problem.message()
                    : "Check your answer to " + problem.path().replaceFirst("^form\\.", ""));
        }
        model.addAttribute("service", service);
        model.addAttribute("titles", titles);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        return "portal/check-answers";
    }
}
