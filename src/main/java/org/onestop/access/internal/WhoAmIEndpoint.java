package org.onestop.access.internal;

import java.util.List;

import org.onestop.access.CurrentCaller;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tells a caller how the platform sees it: a staff member or a member organisation, with its roles. */
@RestController
final class WhoAmIEndpoint {

    record WhoAmI(String kind, String name, List<String> roles, String organisation) {
    }

    @GetMapping("/api/v1/whoami")
    WhoAmI whoami(Authentication authentication) {
        List<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .sorted()
                .toList();
        String organisation = CurrentCaller.organisation().orElse(null);
        String kind = CurrentCaller.memberOrganisation().isPresent() ? "member" : "staff";
        return new WhoAmI(kind, authentication.getName(), roles, organisation);
    }
}
