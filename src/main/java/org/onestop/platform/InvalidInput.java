package org.onestop.platform;

import java.util.List;

/**
 * Input that breaks the rules; answered as a 422 problem listing every violation.
 */
public final class InvalidInput extends RuntimeException {

    private final String title;
    private final transient List<Violation> violations;

    public InvalidInput(String title, List<Violation> violations) {
        super(title + ": " + violations);
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }
}
