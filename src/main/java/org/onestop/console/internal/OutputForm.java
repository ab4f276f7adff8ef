package org.onestop.console.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;

import org.onestop.platform.Violation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The "Complete" form of a step, generated from the step's output JSON Schema: one field per
 * top-level property. Turns what a person typed into the output JSON, and the schema's
 * violations back into sentences next to the fields.
 */
final class OutputForm {

    /** How a field is asked. */
    enum Kind { TEXT, NUMBER, CHOICE, YES_NO }

    /** One question of the form; {@code id} is the HTML id and name ({@code output-registryNumber}). */
    record Field(String name, String id, String label, Kind kind, boolean required, List<String> options,
            JsonNode schema) {
    }

    static final String PREFIX = "output-";

    private final List<Field> fields;

    private OutputForm(List<Field> fields) {
        this.fields = fields;
    }

    static OutputForm of(JsonNode schema) {
        List<Field> fields = new ArrayList<>();
        JsonNode properties = schema == null ? null : schema.get("properties");
        if (properties == null || !properties.isObject()) {
            return new OutputForm(fields);
        }
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        properties.properties().forEach(property -> {
            JsonNode field = property.getValue();
            List<String> options = new ArrayList<>();
            field.path("enum").forEach(option -> options.add(option.asString()));
            String type = field.path("type").asString("");
            Kind kind = !options.isEmpty() ? Kind.CHOICE : "boolean".equals(type) ? Kind.YES_NO
                    : "integer".equals(type) || "number".equals(type) ? Kind.NUMBER : Kind.TEXT;
            String name = property.getKey();
            fields.add(new Field(name, PREFIX + name, Labels.of(field, name), kind, required.contains(name),
                    List.copyOf(options), field));
        });
        return new OutputForm(List.copyOf(fields));
    }

    List<Field> fields() {
        return fields;
    }

    /** What was typed, by field name, trimmed; blank answers are left out. */
    Map<String, String> answers(Map<String, String> parameters) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Field field : fields) {
            String value = parameters.get(field.id());
            if (value != null && !value.isBlank()) {
                answers.put(field.name(), value.strip());
            }
        }
        return answers;
    }

    /**
     * The output JSON: numbers and yes/no as JSON numbers and booleans when they read as such;
     * otherwise the text, so the schema reports the mistake.
     */
    ObjectNode output(Map<String, String> answers) {
        ObjectNode output = JsonNodeFactory.instance.objectNode();
        for (Field field : fields) {
            String value = answers.get(field.name());
            if (value == null) {
                continue;
            }
            switch (field.kind()) {
                case NUMBER -> {
                    BigDecimal number = number(value);
                    boolean whole = number != null && number.stripTrailingZeros().scale() <= 0;
                    if (number == null) {
                        output.put(field.name(), value);
                    } else if (whole && "integer".equals(field.schema().path("type").asString(""))) {
                        output.put(field.name(), number.toBigIntegerExact());
                    } else {
                        output.put(field.name(), number);
                    }
                }
                case YES_NO -> {
                    if ("yes".equals(value) || "no".equals(value)) {
                        output.put(field.name(), "yes".equals(value));
                    } else {
                        output.put(field.name(), value);
                    }
                }
                default -> output.put(field.name(), value);
            }
        }
        return output;
    }

    /** One sentence per field in error, in the form's order, keyed by the field's HTML id. */
    Map<String, String> errors(List<Violation> violations, Map<String, String> answers) {
        Map<String, String> byId = new LinkedHashMap<>();
        for (Field field : fields) {
            boolean broken = violations.stream().anyMatch(v -> concerns(v, field.name()));
            if (broken) {
                byId.put(field.id(), FieldErrors.sentence(field, answers.get(field.name())));
            }
        }
        return byId;
    }

    /** Violations that no field explains (e.g. a property the form does not ask for). */
    List<String> otherProblems(List<Violation> violations) {
        return violations.stream().filter(v -> fields.stream().noneMatch(f -> concerns(v, f.name())))
                .map(Violation::toString).toList();
    }

    private static boolean concerns(Violation violation, String name) {
        String path = violation.path();
        return path.equals("output." + name) || path.startsWith("output." + name + ".")
                || path.startsWith("output." + name + "[");
    }

    private static BigDecimal number(String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
