package org.onestop.portal.internal;

import java.util.List;

import org.onestop.catalog.Service;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The list of services and each service's start page. */
@Controller
final class StartPages {

    record StepView(String name, String organisations, String after) {
    }

    private final PublishedServices services;

    StartPages(PublishedServices services) {
        this.services = services;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("services", services.all());
        return "portal/home";
    }

    @GetMapping("/apply/{service}")
    String start(@PathVariable String service, Model model) {
        Service published = services.published(service);
        List<StepView> steps = published.definition().steps().stream()
                .map(step -> new StepView(step.name(), services.possibleOrganisations(step), step.dependsOn().stream()
                        .map(code -> published.definition().step(code).map(s -> s.name()).orElse(code))
                        .reduce((a, b) -> a + ", " + b).orElse(null)))
                .toList();
        model.addAttribute("service", published);
        model.addAttribute("steps", steps);
        model.addAttribute("firstSection", FormPages.sections(published.definition().form()).get(0).key());
        return "portal/start";
    }
}
