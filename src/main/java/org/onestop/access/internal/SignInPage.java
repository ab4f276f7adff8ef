package org.onestop.access.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in form (a minimal page; the console module may replace it with its GOV.UK layout). */
@Controller
final class SignInPage {

    @GetMapping("/sign-in")
    String signIn() {
        return "sign-in";
    }
}
