package org.onestop.console.internal;

import org.onestop.network.Agreements;
import org.onestop.network.Organisations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
final class HomePage {

    private final Organisations organisations;
    private final Agreements agreements;

    HomePage(Organisations organisations, Agreements agreements) {
        this.organisations = organisations;
        this.agreements = agreements;
    }

    @GetMapping("/console")
    String home(Model model) {
        model.addAttribute("organisationCount", organisations.all().size());
        model.addAttribute("agreementCount", agreements.all().size());
        return "console/home";
    }
}
