package org.onestop.console.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff sign-in form. The access module's form login processes {@code POST /sign-in} and comes
 * back with {@code ?error} on failure; sign-out comes back with {@code ?signed-out}.
 */
@Controller
final class SignInPage {

    @GetMapping("/sign-in")
    String signIn(@RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "signed-out", required = false) String signedOut, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", signedOut != null);
        return "sign-in";
    }
}
