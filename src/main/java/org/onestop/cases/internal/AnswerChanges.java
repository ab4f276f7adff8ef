package org.onestop.cases.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Compares two versions of a form's answers field by field (dotted paths of the values that differ). */
final class AnswerChanges {

    private AnswerChanges() {
    }

    /** Adds the paths of the leaves (values and arrays) that differ between the two versions. */
    static void collect(JsonNode before, JsonNode after, String prefix, List<String> changed) {
        boolean objectBefore = before != null && before.isObject();
        boolean objectAfter = after != null && after.isObject();
        if (objectBefore || objectAfter) {
            JsonNode from = objectBefore ? before : JsonNodeFactory.instance.objectNode();
            JsonNode to = objectAfter ? after : JsonNodeFactory.instance.objectNode();
            Set<String> names = new LinkedHashSet<>();
            from.propertyNames().forEach(names::add);
            to.propertyNames().forEach(names::add);
            for (String name : names) {
                collect(from.get(name), to.get(name), prefix.isEmpty() ? name : prefix + "." + name, changed);
            }
            if (!objectBefore && before != null && !before.isNull() || !objectAfter && after != null && !after.isNull()) {
                changed.add(prefix); // a value became an object, or the other way round
            }
            return;
        }
        boolean absentBefore = before == null || before.isNull();
        boolean absentAfter = after == null || after.isNull();
        if (absentBefore != absentAfter || !absentBefore && !same(before, after)) {
            changed.add(prefix);
        }
    }

    /** Equal values; numbers by value, so that 3 read back from a page as a big integer is still 3. */
    private static boolean same(JsonNode before, JsonNode after) {
        if (before.isNumber() && after.isNumber()) {
            return before.decimalValue().compareTo(after.decimalValue()) == 0;
        }
        return before.equals(after);
    }

    /** The path is one of the given fields, or lies within one. */
    static boolean within(String path, List<String> fields) {
        return fields.stream().anyMatch(field -> path.equals(field) || path.startsWith(field + "."));
    }
}
