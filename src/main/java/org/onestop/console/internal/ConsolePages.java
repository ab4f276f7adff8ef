package org.onestop.console.internal;

import java.security.Principal;

import org.onestop.access.CurrentCaller;
import org.onestop.access.StaffRole;
import org.onestop.platform.NotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every console page shares: who is signed in, where "home" is, and the 404 page for unknown
 * codes (ahead of the platform's general handler, so that the page keeps the console's header).
 */
@ControllerAdvice(basePackageClasses = ConsolePages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ConsolePages {

    @ModelAttribute("signedInAs")
    String signedInAs(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    /** Operators see "Inbox" in the navigation. */
    @ModelAttribute("operator")
    boolean operator() {
        return CurrentCaller.staffMember().map(member -> member.role() == StaffRole.OPERATOR).orElse(false);
    }

    /** Managers and operators see "Deliveries" in the navigation. */
    @ModelAttribute("seesDeliveries")
    boolean seesDeliveries() {
        return CurrentCaller.staffMember().map(member -> member.role() == StaffRole.MANAGER || member.role() == StaffRole.OPERATOR)
                .orElse(false);
    }

    /** Auditors and managers see "Data uses" in the navigation. */
    @ModelAttribute("seesDataUses")
    boolean seesDataUses() {
        return CurrentCaller.staffMember().map(member -> member.role() == StaffRole.AUDITOR || member.role() == StaffRole.MANAGER)
                .orElse(false);
    }

    /** Managers and auditors see "Performance" in the navigation. */
    @ModelAttribute("seesPerformance")
    boolean seesPerformance() {
        return PerformancePages.allowed();
    }

    /** Every member of staff sees "Complaints": operators the appeals to their organisation. */
    @ModelAttribute("seesComplaints")
    boolean seesComplaints() {
        return ComplaintListPages.allowed();
    }

    @ModelAttribute("homeUrl")
    String homeUrl() {
        return "/console";
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}
