package org.onestop.portal.internal;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.onestop.cases.Case;
import org.onestop.cases.CaseStep;
import org.onestop.cases.Cases;
import org.onestop.cases.StepResult;
import org.onestop.cases.StepState;
import org.onestop.cases.WorkingOnCases;
import org.onestop.catalog.Catalog;
import org.onestop.catalog.FormFields;
import org.onestop.catalog.Service;
import org.onestop.intake.Applications;
import org.onestop.platform.NotFound;
import org.onestop.platform.Violation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * "Correct your answers", for an application an organisation sent back: the question pages of
 * the fields asked (every answer the step takes when it named none), filled in with the current
 * answers and checked like the first time; then check answers and send. As on the status page,
 * the case comes from the verified session only.
 */
@Controller
final class CorrectionPages {

    static final String BASE = "/status/correct";
    private static final String JOURNEY = "portal.correction";

    /** The applicant's corrections so far, kept in the session until sent. */
    static final class CorrectionJourney implements Serializable {

        private static final long serialVersionUID = 1L;

        final String fingerprint;
        final Answers answers;
        final Set<String> saved = new LinkedHashSet<>();

        CorrectionJourney(String fingerprint, Answers answers) {
            this.fingerprint = fingerprint;
            this.answers = answers;
        }
    }

    /** One verified case waiting for a correction: its service, the fields to correct and the pages that show them. */
    private record Context(Case shown, Service service, List<String> fields, List<Section> full, List<Section> pages,
            CorrectionJourney journey) {

        Section page(String key) {
            return pages.stream().filter(s -> s.key().equals(key)).findFirst()
                    .orElseThrow(() -> new NotFound("No answers to correct in " + key));
        }

        Section whole(String key) {
            return full.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
        }
    }

    private final Cases cases;
    private final Applications applications;
    private final WorkingOnCases working;
    private final Catalog catalog;

    CorrectionPages(Cases cases, Applications applications, WorkingOnCases working, Catalog catalog) {
        this.cases = cases;
        this.applications = applications;
        this.working = working;
        this.catalog = catalog;
    }

    @GetMapping(BASE)
    String start(HttpSession session) {
        Context context = context(session);
        if (context == null) {
            return away(session);
        }
        return "redirect:" + next(context);
    }

    @GetMapping(BASE + "/check-answers")
    String checkAnswers(HttpSession session, Model model) {
        Context context = context(session);
        if (context == null) {
            return away(session);
        }
        String unsaved = next(context);
        return unsaved.endsWith("/check-answers") ? checkPage(context, Map.of(), model) : "redirect:" + unsaved;
    }

    @PostMapping(BASE + "/check-answers")
    String send(HttpSession session, Model model, RedirectAttributes redirect) {
        Context context = context(session);
        if (context == null) {
            return away(session);
        }
        String unsaved = next(context);
        if (!unsaved.endsWith("/check-answers")) {
            return "redirect:" + unsaved;
        }
        JsonNode current = applications.find(context.shown().id()).orElseThrow().form();
        JsonNode corrected = corrected(current, context, context.journey().answers);
        StepResult result = working.correct(context.shown().id(), corrected, "applicant");
        if (result instanceof StepResult.Done) {
            session.removeAttribute(JOURNEY);
            redirect.addFlashAttribute("success", "You sent your corrected answers");
            return "redirect:/status/view";
        }
        if (result instanceof StepResult.Invalid invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (Violation violation : invalid.violations()) {
                String name = violation.path().replaceFirst("^form\\.", "");
                errors.putIfAbsent(name, "Check your answer to " + labelOf(context.full(), name));
            }
            return checkPage(context, errors, model);
        }
        redirect.addFlashAttribute("refusal", ((StepResult.NotAllowed) result).why());
        return "redirect:/status/view";
    }

    @GetMapping(BASE + "/{section}")
    String show(@PathVariable String section, HttpSession session, Model model) {
        Context context = context(session);
        if (context == null) {
            return away(session);
        }
        return questionPage(context, context.page(section), context.journey().answers, Map.of(), model);
    }

    @PostMapping(BASE + "/{section}")
    String save(@PathVariable String section, HttpServletRequest request, HttpSession session, Model model) {
        Context context = context(session);
        if (context == null) {
            return away(session);
        }
        Section page = context.page(section);
        List<Field> shown = SectionCheck.leaves(page.fields());
        if (QuestionPages.tooLarge(request)) {
            return questionPage(context, page, context.journey().answers, Map.of(shown.get(0).name(),
                    "Your answers are too long. Shorten them and try again"), model);
        }
        SectionCheck.Result taken = SectionCheck.take(page, request.getParameterMap());
        Answers merged = context.journey().answers.copy();
        merged.putAll(taken.answers());
        // the page shows only the fields asked, but the section is checked whole, as it was the first time
        SectionCheck.Result checked = SectionCheck.check(context.whole(section), merged);
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        shown.forEach(field -> names.add(field.name()));
        taken.errors().forEach(errors::putIfAbsent);
        checked.errors().forEach((name, message) -> errors.putIfAbsent(names.contains(name) ? name : shown.get(0).name(), message));
        if (!errors.isEmpty()) {
            Map<String, String> ordered = new LinkedHashMap<>();
            names.stream().filter(errors::containsKey).forEach(name -> ordered.put(name, errors.get(name)));
            return questionPage(context, page, merged, ordered, model);
        }
        synchronized (context.journey()) {
            context.journey().answers.putAll(taken.answers());
            context.journey().saved.add(section);
        }
        return "redirect:" + next(context);
    }

    /** The verified case, if it waits for a correction; the journey is begun again when what is asked changed. */
    private Context context(HttpSession session) {
        Object id = session.getAttribute(StatusPages.VERIFIED);
        if (!(id instanceof UUID caseId)) {
            return null;
        }
        Case shown = cases.find(caseId).orElse(null);
        List<String> fields = shown == null ? List.of() : working.correctableFields(caseId);
        Service service = shown == null ? null : catalog.find(shown.serviceId()).orElse(null);
        if (fields.isEmpty() || service == null) {
            return null;
        }
        List<Section> full = FormPages.sections(service.definition().form());
        List<Section> pages = new ArrayList<>();
        for (Section section : full) {
            List<Field> asked = asked(section.fields(), fields);
            if (!asked.isEmpty()) {
                pages.add(new Section(section.key(), section.title(), section.description(), section.required(),
                        section.schema(), asked));
            }
        }
        if (pages.isEmpty()) {
            return null;
        }
        String fingerprint = caseId + " " + fields + " " + shown.steps().stream()
                .filter(s -> s.state() == StepState.CORRECTION_REQUESTED)
                .map(s -> s.code() + "@" + s.round() + "@" + (s.correction() == null ? "" : s.correction().askedAt()))
                .toList();
        CorrectionJourney journey = session.getAttribute(JOURNEY) instanceof CorrectionJourney kept
                && kept.fingerprint.equals(fingerprint) ? kept : null;
        if (journey == null) {
            JsonNode form = applications.find(caseId).orElseThrow().form();
            journey = new CorrectionJourney(fingerprint, answersOf(full, form));
            session.setAttribute(JOURNEY, journey);
        }
        return new Context(shown, service, fields, full, pages, journey);
    }

    private static String away(HttpSession session) {
        return session.getAttribute(StatusPages.VERIFIED) instanceof UUID ? "redirect:/status/view" : "redirect:/status";
    }

    private static String next(Context context) {
        for (Section page : context.pages()) {
            if (!context.journey().saved.contains(page.key())) {
                return BASE + "/" + page.key();
            }
        }
        return BASE + "/check-answers";
    }

    /** The questions among these that are asked (or lie within a field asked); fieldsets keep only their asked questions. */
    static List<Field> asked(List<Field> fields, List<String> paths) {
        List<Field> kept = new ArrayList<>();
        for (Field field : fields) {
            if (within(field.name(), paths)) {
                kept.add(field);
            } else if (field.kind() == Field.Kind.FIELDSET) {
                List<Field> children = asked(field.children(), paths);
                if (!children.isEmpty()) {
                    kept.add(new Field(field.name(), field.id(), field.title(), field.hint(), field.kind(), field.required(),
                            field.options(), field.minLength(), field.maxLength(), field.pattern(), field.minimum(),
                            field.maximum(), field.errorMessage(), children));
                }
            }
        }
        return kept;
    }

    private static boolean within(String name, List<String> paths) {
        return paths.stream().anyMatch(path -> name.equals(path) || name.startsWith(path + "."));
    }

    /** The stored answers as the question pages hold them (text by input name), so that the pages open filled in. */
    static Answers answersOf(List<Section> sections, JsonNode form) {
        Answers answers = new Answers();
        for (Section section : sections) {
            for (Field field : SectionCheck.leaves(section.fields())) {
                JsonNode value = FormFields.valueAt(form, field.name());
                if (value == null) {
                    continue;
                }
                switch (field.kind()) {
                    case DATE -> {
                        try {
                            LocalDate date = LocalDate.parse(value.asString());
                            answers.put(field.name() + ".day", List.of(String.valueOf(date.getDayOfMonth())));
                            answers.put(field.name() + ".month", List.of(String.valueOf(date.getMonthValue())));
                            answers.put(field.name() + ".year", List.of(String.valueOf(date.getYear())));
                        } catch (java.time.format.DateTimeParseException e) {
                            // not a date the page can show: the applicant enters it again
                        }
                    }
                    case LIST -> {
                        List<String> items = new ArrayList<>();
                        value.forEach(item -> items.add(item.isValueNode() ? item.asString() : item.toString()));
                        answers.put(field.name(), items);
                    }
                    default -> answers.put(field.name(), List.of(value.isValueNode() ? value.asString() : value.toString()));
                }
            }
        }
        return answers;
    }

    /** The current answers with the asked fields replaced by the corrected ones; nothing else changes. */
    static JsonNode corrected(JsonNode current, Context context, Answers answers) {
        ObjectNode form = (ObjectNode) current.deepCopy();
        for (Section section : context.full()) {
            List<String> mine = context.fields().stream()
                    .filter(path -> path.equals(section.key()) || path.startsWith(section.key() + ".")).toList();
            if (mine.isEmpty()) {
                continue;
            }
            JsonNode value = SectionCheck.check(section, answers).value();
            for (String path : mine) {
                JsonNode corrected = path.equals(section.key()) ? value
                        : value == null ? null : FormFields.valueAt(value, path.substring(section.key().length() + 1));
                setAt(form, path, corrected);
            }
        }
        return form;
    }

    private static void setAt(ObjectNode form, String path, JsonNode value) {
        String[] names = path.split("\\.");
        ObjectNode node = form;
        for (int i = 0; i < names.length - 1; i++) {
            JsonNode child = node.get(names[i]);
            if (child instanceof ObjectNode existing) {
                node = existing;
            } else if (value == null) {
                return;
            } else {
                node = node.putObject(names[i]);
            }
        }
        if (value == null) {
            node.remove(names[names.length - 1]);
        } else {
            node.set(names[names.length - 1], value.deepCopy());
        }
    }

    /** The question's title, or the path in words when it names no question. */
    static String labelOf(List<Section> sections, String path) {
        for (Section section : sections) {
            if (section.key().equals(path)) {
                return section.title();
            }
            for (Field field : all(section.fields())) {
                if (field.name().equals(path)) {
                    return field.title();
                }
            }
        }
        return FormPages.humanise(path.substring(path.lastIndexOf('.') + 1));
    }

    private static List<Field> all(List<Field> fields) {
        List<Field> all = new ArrayList<>();
        for (Field field : fields) {
            all.add(field);
            all.addAll(all(field.children()));
        }
        return all;
    }

    private String questionPage(Context context, Section page, Answers answers, Map<String, String> errors, Model model) {
        int index = context.pages().indexOf(page);
        Map<String, String> anchors = new LinkedHashMap<>();
        for (Field field : SectionCheck.leaves(page.fields())) {
            anchors.put(field.name(), field.anchor());
        }
        model.addAttribute("case", context.shown());
        model.addAttribute("service", context.service());
        model.addAttribute("section", page);
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors);
        model.addAttribute("anchors", anchors);
        model.addAttribute("reasons", reasons(context));
        model.addAttribute("back", index <= 0 ? "/status/view" : BASE + "/" + context.pages().get(index - 1).key());
        return "portal/correct-question";
    }

    private String checkPage(Context context, Map<String, String> errors, Model model) {
        Map<String, List<SummaryRows.Row>> rows = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (Section page : context.pages()) {
            rows.put(page.key(), SummaryRows.at(BASE, page, context.journey().answers));
            titles.put(page.key(), page.title());
        }
        Map<String, String> anchors = new LinkedHashMap<>();
        errors.keySet().forEach(name -> anchors.put(name, "corrected-answers"));
        model.addAttribute("case", context.shown());
        model.addAttribute("service", context.service());
        model.addAttribute("rows", rows);
        model.addAttribute("titles", titles);
        model.addAttribute("errors", errors);
        model.addAttribute("anchors", anchors);
        return "portal/correct-check-answers";
    }

    /** What each organisation asked, for the top of the pages. */
    private static List<String> reasons(Context context) {
        return context.shown().steps().stream().filter(s -> s.state() == StepState.CORRECTION_REQUESTED)
                .map(CaseStep::reason).filter(reason -> reason != null).toList();
    }
}
