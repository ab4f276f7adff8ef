package org.onestop.mandates.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.onestop.platform.Violation;

/**
 * What an agent asks a principal to confirm: act for them for these services during this period.
 * Dates are ISO 8601 days ({@code 2026-11-26}); {@code validTo} is the last day included.
 */
record MandateRequest(String principal, String principalName, List<String> services, String validFrom, String validTo) {

    static final Pattern PRINCIPAL = Pattern.compile("[A-Za-z0-9:._-]{1,64}");
    static final int MAX_NAME = 200;
    static final int MAX_SERVICES = 50;
    static final int MAX_YEARS = 2;

    /** Everything wrong with the request; {@code knownService} tells which service codes exist. */
    List<Violation> violations(Predicate<String> knownService) {
        List<Violation> violations = new ArrayList<>();
        if (principal == null || !PRINCIPAL.matcher(principal).matches()) {
            violations.add(new Violation("principal", "must be 1 to 64 letters, digits or : . _ -"));
        }
        if (principalName == null || principalName.isBlank() || principalName.length() > MAX_NAME) {
            violations.add(new Violation("principalName", "must be given, at most " + MAX_NAME + " characters"));
        }
        checkServices(knownService, violations);
        LocalDate from = day(validFrom, "validFrom", violations);
        LocalDate to = day(validTo, "validTo", violations);
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                violations.add(new Violation("validTo", "must not be before validFrom"));
            } else if (to.isAfter(from.plusYears(MAX_YEARS).minusDays(1))) {
                violations.add(new Violation("validTo", "a mandate lasts at most " + MAX_YEARS + " years"));
            }
        }
        return violations;
    }

    LocalDate from() {
        return LocalDate.parse(validFrom);
    }

    LocalDate to() {
        return LocalDate.parse(validTo);
    }

    private void checkServices(Predicate<String> knownService, List<Violation> violations) {
        if (services == null || services.isEmpty()) {
            violations.add(new Violation("services", "must list at least one service code"));
            return;
        }
        if (services.size() > MAX_SERVICES) {
            violations.add(new Violation("services", "must list at most " + MAX_SERVICES + " services"));
            return;
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < services.size(); i++) {
            String code = services.get(i);
            if (code == null || code.length() > 64 || !knownService.test(code)) {
                violations.add(new Violation("services[" + i + "]", "is not a service of the catalog"));
            } else if (!seen.add(code)) {
                violations.add(new Violation("services[" + i + "]", "is listed twice"));
            }
        }
    }

    private static LocalDate day(String text, String path, List<Violation> violations) {
        if (text == null) {
            violations.add(new Violation(path, "must be given, as a date like 2026-11-26"));
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.getYear() < 1900 || day.getYear() > 9990) {
                violations.add(new Violation(path, "must be a date between the years 1900 and 9990"));
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            violations.add(new Violation(path, "must be a date like 2026-11-26"));
            return null;
        }
    }
}
