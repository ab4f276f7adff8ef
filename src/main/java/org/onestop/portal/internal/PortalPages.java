package org.onestop.portal.internal;

import org.onestop.platform.NotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** What every portal page shares: the GOV.UK "Page not found" page for unknown services. */
@ControllerAdvice(basePackageClasses = PortalPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
final class PortalPages {

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "portal/not-found";
    }
}
