package org.onestop.console.internal;

import org.onestop.network.Agreement;
import org.onestop.network.Agreements;
import org.onestop.platform.NotFound;
import org.onestop.network.Organisations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
final class AgreementPages {

    private final Agreements agreements;
    private final Organisations organisations;

    AgreementPages(Agreements agreements, Organisations organisations) {
        this.agreements = agreements;
        this.organisations = organisations;
    }

    @GetMapping("/console/agreements")
    String list(Model model) {
        model.addAttribute("agreements", agreements.all());
        return "console/agreements";
    }

    @GetMapping("/console/agreements/{code}")
    String one(@PathVariable String code, Model model) {
        Agreement agreement = agreements.find(code).orElseThrow(() -> new NotFound("No agreement " + code));
        model.addAttribute("agreement", agreement);
        model.addAttribute("organisation", organisations.find(agreement.organisation()).orElse(null));
        return "console/agreement";
    }
}
