package org.onestop.console.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.onestop.catalog.Catalog;
import org.onestop.catalog.Service;
import org.onestop.network.Agreements;
import org.onestop.network.Organisation;
import org.onestop.network.Organisations;
import org.onestop.platform.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
final class ServicePages {

    private final Catalog catalog;
    private final Organisations organisations;
    private final Agreements agreements;

    ServicePages(Catalog catalog, Organisations organisations, Agreements agreements) {
        this.catalog = catalog;
        this.organisations = organisations;
        this.agreements = agreements;
    }

    @GetMapping("/console/services")
    String list(Model model) {
        model.addAttribute("services", catalog.latestOfEach());
        return "console/services";
    }

    /** The newest version of a service, or the one asked for with {@code ?version=}. */
    @GetMapping("/console/services/{code}")
    String one(@PathVariable String code, @RequestParam(name = "version", required = false) Integer version,
            Model model) {
        List<Service> versions = catalog.versions(code);
        Service shown = versions.stream().filter(s -> version == null || s.version() == version).findFirst()
                .orElseThrow(() -> new NotFound("No service " + code + (version == null ? "" : " version " + version)));
        List<StepGraph.Step> steps = shown.definition().steps().stream()
                .map(step -> new StepGraph.Step(step.code(), step.name())).toList();
        List<StepGraph.Dependency> dependencies = shown.definition().steps().stream()
                .flatMap(step -> step.dependsOn().stream().map(needed -> new StepGraph.Dependency(step.code(), needed)))
                .toList();
        model.addAttribute("service", shown);
        model.addAttribute("versions", versions);
        model.addAttribute("graph", StepGraph.draw(steps, dependencies));
        model.addAttribute("stepNames", shown.definition().steps().stream()
                .collect(Collectors.toMap(step -> step.code(), step -> step.name(), (a, b) -> a)));
        model.addAttribute("organisationNames", organisations.all().stream()
                .collect(Collectors.toMap(Organisation::code, Organisation::name)));
        model.addAttribute("agreements", agreements.forService(code));
        return "console/service";
    }
}
