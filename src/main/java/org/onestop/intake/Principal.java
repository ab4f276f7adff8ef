package org.onestop.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.onestop.platform.Violation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The person or business an application is for.
 *
 * @param id an identifier of the principal (national person number, business number), as given
 */
public record Principal(Kind kind, String id, String name) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9:._-]{1,64}");

    public enum Kind {
        @JsonProperty("person")
        PERSON,
        @JsonProperty("business")
        BUSINESS
    }

    public List<Violation> violations(String at) {
        List<Violation> violations = new ArrayList<>();
        if (kind == null) {
            violations.add(new Violation(at + ".kind", "must be person or business"));
        }
        if (id == null || !ID.matcher(id).matches()) {
            violations.add(new Violation(at + ".id", "must be 1 to 64 letters, digits or : . _ -"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            violations.add(new Violation(at + ".name", "must be given, at most 200 characters"));
        }
        return violations;
    }
}
