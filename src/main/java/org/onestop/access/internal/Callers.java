package org.onestop.access.internal;

import java.util.Optional;

import org.onestop.access.StaffMember;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the caller from the security context; the public face is {@link org.onestop.access.CurrentCaller}. */
public final class Callers {

    private Callers() {
    }

    public static Optional<StaffMember> staffMember() {
        return authentication()
                .map(Authentication::getPrincipal)
                .filter(StaffUser.class::isInstance)
                .map(principal -> ((StaffUser) principal).member());
    }

    public static Optional<String> memberOrganisation() {
        return authentication()
                .filter(MemberAuthentication.class::isInstance)
                .map(authentication -> ((MemberAuthentication) authentication).organisation());
    }

    private static Optional<Authentication> authentication() {
        return Optional.ofNullable(SecurityContextHolder.getContextHolderStrategy().getContext().getAuthentication())
                .filter(Authentication::isAuthenticated);
    }
}
