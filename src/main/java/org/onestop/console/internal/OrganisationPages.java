package org.onestop.console.internal;

import org.onestop.network.Agreements;
import org.onestop.platform.NotFound;
import org.onestop.network.Organisation;
import org.onestop.network.Organisations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
final class OrganisationPages {

    private final Organisations organisations;
    private final Agreements agreements;
    private final Display display;

    OrganisationPages(Organisations organisations, Agreements agreements, Display display) {
        this.organisations = organisations;
        this.agreements = agreements;
        this.display = display;
    }

    @GetMapping("/console/organisations")
    String list(Model model) {
        model.addAttribute("organisations", organisations.all());
        return "console/organisations";
    }

    @GetMapping("/console/organisations/{code}")
    String one(@PathVariable String code, Model model) {
        Organisation organisation = organisations.find(code).orElseThrow(() -> new NotFound("No organisation " + code));
        model.addAttribute("organisation", organisation);
        model.addAttribute("keys", display.keys(organisation.jwks()));
        model.addAttribute("agreements",
                agreements.all().stream().filter(a -> a.organisation().equals(code)).toList());
        return "console/organisation";
    }
}
