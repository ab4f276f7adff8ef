package org.onestop.portal.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the applicant typed, by input name ({@code business.startDate.day} for the parts of a date),
 * kept as text so that a page with errors shows the answers as they were given.
 */
final class Answers implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    public String value(String name) {
        List<String> given = values.get(name);
        return given == null || given.isEmpty() ? "" : given.get(0);
    }

    public List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The inputs of a list question: the answers given, and one empty input when there are none. */
    public List<String> inputs(String name) {
        List<String> given = values(name);
        return given.isEmpty() ? List.of("") : given;
    }

    void put(String name, List<String> given) {
        values.put(name, List.copyOf(given));
    }

    /** Replaces the answers under a prefix (one section) with others. */
    void replaceSection(String section, Answers replacement) {
        values.keySet().removeIf(name -> name.equals(section) || name.startsWith(section + "."));
        values.putAll(replacement.values);
    }

    /** Puts every answer of the other over these. */
    void putAll(Answers other) {
        values.putAll(other.values);
    }

    Answers copy() {
        Answers copy = new Answers();
        values.forEach((name, given) -> copy.values.put(name, new ArrayList<>(given)));
        return copy;
    }
}
