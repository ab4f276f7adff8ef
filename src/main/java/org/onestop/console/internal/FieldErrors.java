package org.onestop.console.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.onestop.console.internal.OutputForm.Field;
import org.onestop.console.internal.OutputForm.Kind;

import tools.jackson.databind.JsonNode;

/**
 * Words a field's error for a person, by finding which of the field's schema keywords the
 * answer breaks: "Enter the registry number", "Registry number must be 8 digits". A schema may
 * give its own sentence in {@code errorMessage}: a string, or an object by keyword.
 */
final class FieldErrors {

    private static final Pattern DIGITS = Pattern.compile("\\^\\[0-9]\\{(\\d+)(?:,(\\d+))?}\\$");

    private FieldErrors() {
    }

    static String sentence(Field field, String answer) {
        JsonNode schema = field.schema();
        String label = field.label();
        if (answer == null) {
            String sentence = field.kind() == Kind.YES_NO ? "Select yes or no for " + label
                    : field.kind() == Kind.CHOICE ? "Select " + article(label) : "Enter " + article(label);
            return own(schema, "required", sentence);
        }
        if (field.kind() == Kind.NUMBER) {
            return own(schema, "type", number(field, answer, label));
        }
        if (field.kind() == Kind.CHOICE && !field.options().contains(answer)) {
            return own(schema, "enum", "Select " + article(label) + " from the list");
        }
        if (schema.has("minLength") && answer.codePointCount(0, answer.length()) < schema.get("minLength").asInt()) {
            int min = schema.get("minLength").asInt();
            return own(schema, "minLength", label + " must be " + min + " character" + (min == 1 ? "" : "s") + " or more");
        }
        if (schema.has("maxLength") && answer.codePointCount(0, answer.length()) > schema.get("maxLength").asInt()) {
            int max = schema.get("maxLength").asInt();
            return own(schema, "maxLength", label + " must be " + max + " character" + (max == 1 ? "" : "s") + " or fewer");
        }
        if (schema.has("pattern") && !matches(schema.get("pattern").asString(), answer)) {
            return own(schema, "pattern", pattern(schema.get("pattern").asString(), label));
        }
        if (schema.has("format")) {
            return own(schema, "format", format(schema.get("format").asString(), label));
        }
        return own(schema, "", label + " is not valid");
    }

    private static String number(Field field, String answer, String label) {
        boolean integer = "integer".equals(field.schema().path("type").asString(""));
        java.math.BigDecimal value;
        try {
            value = new java.math.BigDecimal(answer);
        } catch (NumberFormatException e) {
            return label + " must be a " + (integer ? "whole number" : "number");
        }
        if (integer && value.stripTrailingZeros().scale() > 0) {
            return label + " must be a whole number";
        }
        JsonNode minimum = field.schema().get("minimum");
        if (minimum != null && value.compareTo(minimum.decimalValue()) < 0) {
            return label + " must be " + minimum.asString() + " or more";
        }
        JsonNode maximum = field.schema().get("maximum");
        if (maximum != null && value.compareTo(maximum.decimalValue()) > 0) {
            return label + " must be " + maximum.asString() + " or less";
        }
        return label + " is not a valid number";
    }

    private static String pattern(String regex, String label) {
        Matcher digits = DIGITS.matcher(regex);
        if (digits.matches()) {
            String count = digits.group(2) == null ? digits.group(1) : digits.group(1) + " to " + digits.group(2);
            return label + " must be " + count + " digits";
        }
        return "Enter " + article(label) + " in the correct format";
    }

    private static String format(String format, String label) {
        return switch (format) {
            case "email" -> "Enter " + article(label) + " in the correct format, like name@example.com";
            case "date" -> label + " must be a real date, like 2026-12-31";
            case "uri" -> "Enter " + article(label) + " in the correct format, like https://example.org";
            default -> "Enter " + article(label) + " in the correct format";
        };
    }

    private static boolean matches(String regex, String answer) {
        try {
            return Pattern.compile(regex).matcher(answer).find();
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** The schema's own sentence for the keyword, if it gives one. */
    private static String own(JsonNode schema, String keyword, String otherwise) {
        JsonNode message = schema.get("errorMessage");
        if (message != null && message.isString()) {
            return message.asString();
        }
        if (message != null && message.isObject() && message.path(keyword).isString()) {
            return message.get(keyword).asString();
        }
        return otherwise;
    }

    /** "the registry number": the label in lower case after "the", keeping acronyms ("the IBAN"). */
    static String article(String label) {
        boolean acronym = label.length() > 1 && Character.isUpperCase(label.charAt(1));
        return "the " + (acronym ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1));
    }
}
