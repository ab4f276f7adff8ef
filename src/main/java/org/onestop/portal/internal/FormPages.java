package org.onestop.portal.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/** How a form's JSON Schema becomes question pages: one page per top-level property. */
final class FormPages {

    static final int MAX_RADIOS = 6;

    private FormPages() {
    }

    static List<Section> sections(JsonNode form) {
        List<Section> sections = new ArrayList<>();
        Set<String> required = requiredOf(form);
        for (Map.Entry<String, JsonNode> property : ordered(form)) {
            JsonNode schema = property.getValue();
            String key = property.getKey();
            List<Field> fields = schema.has("properties") ? fields(key, schema) : List.of(field(key, key, schema, true));
            sections.add(new Section(key, text(schema, "title", humanise(key)), text(schema, "description", null),
                    required.contains(key), schema, fields));
        }
        return sections;
    }

    static Optional<Section> section(JsonNode form, String key) {
        return sections(form).stream().filter(s -> s.key().equals(key)).findFirst();
    }

    private static List<Field> fields(String path, JsonNode objectSchema) {
        Set<String> required = requiredOf(objectSchema);
        List<Field> fields = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : ordered(objectSchema)) {
            fields.add(field(path + "." + property.getKey(), property.getKey(), property.getValue(),
                    required.contains(property.getKey())));
        }
        return fields;
    }

    private static Field field(String name, String key, JsonNode schema, boolean required) {
        String type = schema.path("type").asString("");
        List<Field.Option> options = new ArrayList<>();
        Field.Kind kind;
        if (schema.has("enum")) {
            schema.get("enum").forEach(value -> options.add(new Field.Option(value.asString(), humanise(value.asString()))));
            kind = options.size() <= MAX_RADIOS ? Field.Kind.RADIOS : Field.Kind.SELECT;
        } else if ("boolean".equals(type)) {
            options.add(new Field.Option("true", "Yes"));
            options.add(new Field.Option("false", "No"));
            kind = Field.Kind.YES_NO;
        } else if ("object".equals(type) || schema.has("properties")) {
            kind = Field.Kind.FIELDSET;
        } else if ("array".equals(type)) {
            kind = Field.Kind.LIST;
        } else if ("integer".equals(type)) {
            kind = Field.Kind.INTEGER;
        } else if ("number".equals(type)) {
            kind = Field.Kind.NUMBER;
        } else if ("email".equals(schema.path("format").asString(""))) {
            kind = Field.Kind.EMAIL;
        } else if ("date".equals(schema.path("format").asString(""))) {
            kind = Field.Kind.DATE;
        } else {
            kind = Field.Kind.TEXT;
        }
        JsonNode limits = kind == Field.Kind.LIST ? schema.path("items") : schema;
        return new Field(name, name.replace('.', '-'), text(schema, "title", humanise(key)), text(schema, "description", null),
                kind, required, List.copyOf(options), integer(limits, "minLength"), integer(limits, "maxLength"),
                limits.has("pattern") ? limits.get("pattern").asString() : null, decimal(schema, "minimum"),
                decimal(schema, "maximum"), schema.get("errorMessage"),
                kind == Field.Kind.FIELDSET ? fields(name, schema) : List.of());
    }

    /** The properties in the order the form's author wrote them. */
    static List<Map.Entry<String, JsonNode>> ordered(JsonNode objectSchema) {
        List<Map.Entry<String, JsonNode>> ordered = new ArrayList<>();
        objectSchema.path("properties").properties().forEach(p -> ordered.add(Map.entry(p.getKey(), p.getValue())));
        return ordered;
    }

    private static Set<String> requiredOf(JsonNode schema) {
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        return required;
    }

    private static String text(JsonNode schema, String keyword, String otherwise) {
        JsonNode value = schema.get(keyword);
        return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : otherwise;
    }

    private static Integer integer(JsonNode schema, String keyword) {
        return schema.path(keyword).isIntegralNumber() ? schema.get(keyword).asInt() : null;
    }

    private static BigDecimal decimal(JsonNode schema, String keyword) {
        return schema.path(keyword).isNumber() ? schema.get(keyword).decimalValue() : null;
    }

    /** {@code limited-company} or {@code fullName} → "Limited company", "Full name". */
    static String humanise(String code) {
        String spaced = code.replace('-', ' ').replace('_', ' ').replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return spaced.isEmpty() ? code : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
