package org.onestop.portal.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.onestop.catalog.Service;
import org.onestop.platform.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** One page per section of the form: shown, then checked and saved in the session. */
@Controller
final class QuestionPages {

    /** Larger posts are refused with the error summary before any answer is read. */
    static final long MAX_BODY_BYTES = 256 * 1024;

    private final PublishedServices services;
    private final AddressFinder finder;
    private final JourneyEvents journeyEvents;

    QuestionPages(PublishedServices services, AddressFinder finder, JourneyEvents journeyEvents) {
        this.services = services;
        this.finder = finder;
        this.journeyEvents = journeyEvents;
    }

    @GetMapping("/apply/{service}/{section}")
    String show(@PathVariable String service, @PathVariable String section, HttpSession session, Model model) {
        Service published = services.published(service);
        Section shown = sectionOf(published, section);
        Journey journey = Journey.of(session, service);
        if (journey.submitted()) {
            journey = Journey.fresh(session, service);
        }
        return page(published, shown, journey.answers, Map.of(), finderView(shown, null, null, null), model);
    }

    @PostMapping("/apply/{service}/{section}")
    String save(@PathVariable String service, @PathVariable String section, HttpServletRequest request,
            HttpSession session, Model model) {
        Service published = services.published(service);
        Section shown = sectionOf(published, section);
        Journey journey = Journey.of(session, service);
        if (journey.submitted()) {
            journey = Journey.fresh(session, service);
        }
        if (tooLarge(request)) {
            Field first = SectionCheck.leaves(shown.fields()).get(0);
            return page(published, shown, journey.answers, Map.of(first.name(),
                    "Your answers are too long. Shorten them and try again"), finderView(shown, null, null, null), model);
        }
        SectionCheck.Result result = SectionCheck.read(shown, request.getParameterMap());
        String action = request.getParameter("action");
        Optional<String> address = finder.addressField(shown);
        if (AddressFinder.ACTION.equals(action) && address.isPresent()) {
            journey.answers.replaceSection(shown.key(), result.answers());
            return findAddress(published, shown, journey, address.get(), request, model);
        }
        if (action != null && action.startsWith("add:")) {
            String list = action.substring(4);
            journey.answers.replaceSection(shown.key(), result.answers());
            List<String> inputs = new ArrayList<>(journey.answers.values(list));
            if (inputs.isEmpty()) {
                inputs.add("");
            }
            if (inputs.size() < SectionCheck.MAX_LIST_ITEMS) {
                inputs.add("");
            }
            journey.answers.put(list, inputs);
            return page(published, shown, journey.answers, Map.of(), finderView(shown, null, null, null), model);
        }
        if (!result.valid()) {
            return page(published, shown, result.answers(), result.errors(), finderView(shown, null, null, null), model);
        }
        journey.answers.replaceSection(shown.key(), result.answers());
        if (journey.saved.isEmpty()) {
            journeyEvents.started(journey);
        }
        journey.saved.add(shown.key());
        return "redirect:" + next(published, journey);
    }

    /** Looks the address up and fills it in; the other answers of the page stay as typed, unsaved until "Save and continue". */
    private String findAddress(Service service, Section section, Journey journey, String address, HttpServletRequest request,
            Model model) {
        String postcode = request.getParameter(AddressFinder.POSTCODE);
        String houseNumber = request.getParameter(AddressFinder.HOUSE_NUMBER);
        AddressFinder.Result found = finder.find(postcode, houseNumber);
        if (!found.errors().isEmpty()) {
            return page(service, section, journey.answers, found.errors(), finderView(section, postcode, houseNumber, null), model);
        }
        found.address().forEach((part, value) -> journey.answers.put(address + "." + part, List.of(value)));
        synchronized (journey) {
            journey.queryAnswers.add(found.signature());
        }
        return page(service, section, journey.answers, Map.of(), finderView(section, postcode, houseNumber,
                "We found the address in the address register and filled it in below. Check it, and change it if it is not right."),
                model);
    }

    private AddressFinder.View finderView(Section section, String postcode, String houseNumber, String found) {
        return finder.addressField(section).map(field -> new AddressFinder.View(field, postcode == null ? "" : postcode,
                houseNumber == null ? "" : houseNumber, found)).orElse(null);
    }

    /** Over the limit by its declared length, or by what it holds once read (chunked bodies have no length). */
    static boolean tooLarge(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            return true;
        }
        long size = 0;
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            size += parameter.getKey().length();
            for (String value : parameter.getValue()) {
                size += value == null ? 0 : value.length();
            }
        }
        return size > MAX_BODY_BYTES;
    }

    static String next(Service service, Journey journey) {
        for (Section section : FormPages.sections(service.definition().form())) {
            if (!journey.saved.contains(section.key())) {
                return "/apply/" + service.code() + "/" + section.key();
            }
        }
        return "/apply/" + service.code() + "/check-answers";
    }

    static Section sectionOf(Service service, String key) {
        return FormPages.section(service.definition().form(), key)
                .orElseThrow(() -> new NotFound("No section " + key + " in " + service.code()));
    }

    private String page(Service service, Section section, Answers answers, Map<String, String> errors,
            AddressFinder.View addressFinder, Model model) {
        List<Section> sections = FormPages.sections(service.definition().form());
        int index = sections.indexOf(section);
        Map<String, String> anchors = new LinkedHashMap<>();
        for (Field field : SectionCheck.leaves(section.fields())) {
            anchors.put(field.name(), field.anchor());
        }
        model.addAttribute("service", service);
        model.addAttribute("section", section);
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors);
        model.addAttribute("anchors", anchors);
        model.addAttribute("finder", addressFinder);
        model.addAttribute("back", index <= 0 ? "/apply/" + service.code()
                : "/apply/" + service.code() + "/" + sections.get(index - 1).key());
        return "portal/question";
    }
}
