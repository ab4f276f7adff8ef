package org.onestop.mandates.internal;

import org.onestop.platform.Problem;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.onestop.catalog.Catalog;
import org.onestop.network.Organisation;
import org.onestop.network.Organisations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The page the principal opens from the one-time link: who asks for what, and a button to confirm. */
@Controller
final class ConfirmationPage {

    private final ConfirmingMandate confirming;
    private final Organisations organisations;
    private final Catalog catalog;

    ConfirmationPage(ConfirmingMandate confirming, Organisations organisations, Catalog catalog) {
        this.confirming = confirming;
        this.organisations = organisations;
        this.catalog = catalog;
    }

    @GetMapping("/mandates/confirm/{token}")
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        return render("mandates/confirm", confirming.preview(token), token, model, response);
    }

    @PostMapping("/mandates/confirm/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        return render("mandates/confirmed", confirming.confirm(token), token, model, response);
    }

    private String render(String view, ConfirmingMandate.Confirmation confirmation, String token, Model model,
            HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        if (confirmation.refusal() != null) {
            Problem problem = MandateProblem.forConfirmation(confirmation.refusal());
            response.setStatus(problem.getStatusCode().value());
            model.addAttribute("title", problem.getBody().getTitle());
            model.addAttribute("detail", problem.getBody().getDetail());
            return "mandates/refused";
        }
        MandateRecord mandate = confirmation.mandate();
        model.addAttribute("mandate", mandate);
        model.addAttribute("agentName", organisations.find(mandate.agent()).map(Organisation::name)
                .orElse(mandate.agent()));
        model.addAttribute("serviceNames", serviceNames(mandate.services()));
        model.addAttribute("token", token);
        return view;
    }

    private List<String> serviceNames(List<String> codes) {
        return codes.stream().map(code -> catalog.latest(code).map(s -> s.definition().name()).orElse(code)).toList();
    }
}
