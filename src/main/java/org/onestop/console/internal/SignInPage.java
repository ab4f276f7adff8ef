package org.onestop.console.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The staff sign-in form; the access module's form login processes {@code POST /sign-in}. */
@Controller
final class SignInPage {

    @GetMapping("/sign-in")
    String signIn() {
        return "sign-in";
    }
}
