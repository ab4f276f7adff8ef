package org.onestop.portal.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.onestop.platform.JsonSchemas;
import org.onestop.platform.Violation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one page's answers (keeping no value over its limit), turns them into the section's JSON
 * and checks it against the section's sub-schema, with a message for people per question.
 */
final class SectionCheck {

    static final int MAX_LIST_ITEMS = 50;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] DATE_PARTS = {"day", "month", "year"};

    /** The answers read, the section's JSON (absent parts left out), and the errors by question name, in page order. */
    record Result(Answers answers, JsonNode value, Map<String, String> errors) {

        boolean valid() {
            return errors.isEmpty();
        }
    }

    private SectionCheck() {
    }

    /** Reads a posted page: values over a question's limit are cut to it and reported as too long. */
    static Result read(Section section, Map<String, String[]> posted) {
        Result taken = take(section, posted);
        Result checked = check(section, taken.answers());
        taken.errors().forEach(checked.errors()::putIfAbsent);
        return new Result(taken.answers(), checked.value(), order(section, checked.errors()));
    }

    /**
     * Takes a posted page's answers without checking them against the schema: values over a
     * question's limit are cut to it and reported as too long; the result has no value.
     */
    static Result take(Section section, Map<String, String[]> posted) {
        Answers answers = new Answers();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Field field : leaves(section.fields())) {
            if (field.kind() == Field.Kind.DATE) {
                for (String part : DATE_PARTS) {
                    answers.put(field.name() + "." + part, limited(field, posted.get(field.name() + "." + part), 1, 10, errors));
                }
            } else {
                int count = field.kind() == Field.Kind.LIST ? MAX_LIST_ITEMS : 1;
                answers.put(field.name(), limited(field, posted.get(field.name()), count, field.limit(), errors));
            }
        }
        return new Result(answers, null, errors);
    }

    /** Checks answers already kept. */
    static Result check(Section section, Answers answers) {
        Map<String, String> errors = new LinkedHashMap<>();
        JsonNode value;
        if (section.schema().has("properties")) {
            value = object(section.fields(), answers, section.required(), errors);
        } else {
            value = leaf(section.fields().get(0), answers, errors);
        }
        if (value != null) {
            for (Violation violation : JsonSchemas.validate(section.schema(), value, section.key())) {
                Field field = fieldAt(section, violation.path());
                errors.putIfAbsent(field.name(), field.kind() == Field.Kind.EMAIL ? ErrorMessages.email(field)
                        : field.kind() == Field.Kind.DATE ? ErrorMessages.date(field) : ErrorMessages.other(field));
            }
        }
        if (errors.isEmpty() && value == null && section.required()) {
            Field first = leaves(section.fields()).get(0);
            errors.put(first.name(), ErrorMessages.required(first));
        }
        return new Result(answers, value, order(section, errors));
    }

    private static ObjectNode object(List<Field> fields, Answers answers, boolean required, Map<String, String> errors) {
        ObjectNode object = NODES.objectNode();
        boolean present = required || fields.stream().anyMatch(f -> given(f, answers));
        if (!present) {
            return null;
        }
        for (Field field : fields) {
            JsonNode value = field.kind() == Field.Kind.FIELDSET ? object(field.children(), answers, field.required(), errors)
                    : leaf(field, answers, errors);
            if (value != null) {
                object.set(nameOf(field), value);
            } else if (field.required() && !errors.containsKey(field.name()) && field.kind() != Field.Kind.FIELDSET) {
                errors.put(field.name(), ErrorMessages.required(field));
            }
        }
        return object;
    }

    private static JsonNode leaf(Field field, Answers answers, Map<String, String> errors) {
        String text = answers.value(field.name()).trim();
        switch (field.kind()) {
            case DATE:
                return date(field, answers, errors);
            case LIST:
                var items = NODES.arrayNode();
                answers.values(field.name()).stream().map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
                return items.isEmpty() ? null : items;
            case INTEGER:
            case NUMBER:
                return text.isEmpty() ? null : number(field, text, errors);
            case YES_NO:
                if (text.isEmpty()) {
                    return null;
                }
                if (!text.equals("true") && !text.equals("false")) {
                    errors.put(field.name(), ErrorMessages.choice(field));
                    return null;
                }
                return NODES.booleanNode(Boolean.parseBoolean(text));
            case RADIOS:
            case SELECT:
                if (!text.isEmpty() && field.options().stream().noneMatch(o -> o.value().equals(text))) {
                    errors.put(field.name(), ErrorMessages.choice(field));
                }
                return text.isEmpty() ? null : NODES.stringNode(text);
            default:
                if (text.isEmpty()) {
                    return null;
                }
                if (field.maxLength() != null && text.length() > field.maxLength()) {
                    errors.put(field.name(), ErrorMessages.tooLong(field, field.maxLength()));
                } else if (field.minLength() != null && text.length() < field.minLength()) {
                    errors.put(field.name(), ErrorMessages.tooShort(field));
                } else if (field.pattern() != null && !matches(field.pattern(), text)) {
                    errors.put(field.name(), ErrorMessages.pattern(field));
                }
                return NODES.stringNode(text);
        }
    }

    private static JsonNode number(Field field, String text, Map<String, String> errors) {
        BigDecimal number;
        try {
            number = field.kind() == Field.Kind.INTEGER ? new BigDecimal(new BigInteger(text)) : new BigDecimal(text);
        } catch (NumberFormatException e) {
            errors.put(field.name(), ErrorMessages.notANumber(field));
            return null;
        }
        if ((field.minimum() != null && number.compareTo(field.minimum()) < 0)
                || (field.maximum() != null && number.compareTo(field.maximum()) > 0)) {
            errors.put(field.name(), ErrorMessages.range(field));
        }
        return field.kind() == Field.Kind.INTEGER ? NODES.numberNode(number.toBigInteger()) : NODES.numberNode(number);
    }

    private static JsonNode date(Field field, Answers answers, Map<String, String> errors) {
        String day = answers.value(field.name() + ".day").trim();
        String month = answers.value(field.name() + ".month").trim();
        String year = answers.value(field.name() + ".year").trim();
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            return null;
        }
        try {
            if (!year.matches("[0-9]{4}") || !day.matches("[0-9]{1,2}") || !month.matches("[0-9]{1,2}")) {
                throw new DateTimeException("not digits");
            }
            return NODES.stringNode(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)).toString());
        } catch (DateTimeException e) {
            errors.put(field.name(), ErrorMessages.date(field));
            return null;
        }
    }

    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).find();
        } catch (PatternSyntaxException e) {
            return true; // the schema's own validator judges patterns Java cannot read
        }
    }

    private static boolean given(Field field, Answers answers) {
        if (field.kind() == Field.Kind.FIELDSET) {
            return field.children().stream().anyMatch(child -> given(child, answers));
        }
        if (field.kind() == Field.Kind.DATE) {
            return java.util.Arrays.stream(DATE_PARTS).anyMatch(p -> !answers.value(field.name() + "." + p).isBlank());
        }
        return answers.values(field.name()).stream().anyMatch(v -> !v.isBlank());
    }

    private static List<String> limited(Field field, String[] given, int count, int limit, Map<String, String> errors) {
        List<String> kept = new ArrayList<>();
        if (given == null) {
            return kept;
        }
        for (int i = 0; i < Math.min(given.length, count); i++) {
            String value = given[i] == null ? "" : given[i];
            if (value.length() > limit) {
                errors.putIfAbsent(field.name(), ErrorMessages.tooLong(field, field.limit()));
                value = value.substring(0, limit);
            }
            kept.add(value);
        }
        return kept;
    }

    /** The question a validator's path points at, or the nearest one above it. */
    private static Field fieldAt(Section section, String path) {
        String name = path.replaceAll("\\[[0-9]+\\]", "");
        List<Field> all = all(section.fields());
        while (!name.isEmpty()) {
            for (Field field : all) {
                if (field.name().equals(name)) {
                    return field.kind() == Field.Kind.FIELDSET ? leaves(field.children()).get(0) : field;
                }
            }
            int dot = name.lastIndexOf('.');
            name = dot < 0 ? "" : name.substring(0, dot);
        }
        return leaves(section.fields()).get(0);
    }

    private static Map<String, String> order(Section section, Map<String, String> errors) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (Field field : leaves(section.fields())) {
            if (errors.containsKey(field.name())) {
                ordered.put(field.name(), errors.get(field.name()));
            }
        }
        errors.forEach(ordered::putIfAbsent);
        return ordered;
    }

    static List<Field> leaves(List<Field> fields) {
        List<Field> leaves = new ArrayList<>();
        for (Field field : fields) {
            if (field.kind() == Field.Kind.FIELDSET) {
                leaves.addAll(leaves(field.children()));
            } else {
                leaves.add(field);
            }
        }
        return leaves;
    }

    private static List<Field> all(List<Field> fields) {
        List<Field> all = new ArrayList<>();
        for (Field field : fields) {
            all.add(field);
            all.addAll(all(field.children()));
        }
        return all;
    }

    private static String nameOf(Field field) {
        return field.name().substring(field.name().lastIndexOf('.') + 1);
    }
}
