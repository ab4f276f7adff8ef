package org.onestop.portal.internal;

import java.math.BigDecimal;

/**
 * Error messages for people, in the GOV.UK style, from the question's title; a schema's
 * {@code errorMessage} (one text, or texts by keyword such as {@code required} or {@code pattern}) wins.
 */
final class ErrorMessages {

    private ErrorMessages() {
    }

    static String required(Field field) {
        return override(field, "required", field.kind().choice() ? "Select the " + field.inSentence()
                : field.kind() == Field.Kind.DATE ? "Enter the " + field.inSentence()
                : "Enter the " + field.inSentence());
    }

    static String tooLong(Field field, int limit) {
        return override(field, "maxLength", field.title() + " must be " + limit + " characters or fewer");
    }

    static String tooShort(Field field) {
        return override(field, "minLength", field.title() + " must be " + field.minLength() + " characters or more");
    }

    static String pattern(Field field) {
        return override(field, "pattern", "Enter the " + field.inSentence() + " in the correct format");
    }

    static String email(Field field) {
        return override(field, "format", "Enter an email address in the correct format, like name@example.com");
    }

    static String date(Field field) {
        return override(field, "format", field.title() + " must be a real date");
    }

    static String notANumber(Field field) {
        return override(field, "type", field.title() + (field.kind() == Field.Kind.INTEGER ? " must be a whole number"
                : " must be a number"));
    }

    static String range(Field field) {
        BigDecimal min = field.minimum();
        BigDecimal max = field.maximum();
        String text = min != null && max != null ? " must be between " + plain(min) + " and " + plain(max)
                : min != null ? " must be " + plain(min) + " or more" : " must be " + plain(max) + " or less";
        return override(field, min != null && max == null ? "minimum" : "maximum", field.title() + text);
    }

    static String choice(Field field) {
        return override(field, "enum", "Select the " + field.inSentence());
    }

    static String other(Field field) {
        return override(field, "other", "Enter a valid " + field.inSentence());
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static String override(Field field, String keyword, String otherwise) {
        if (field.errorMessage() == null) {
            return otherwise;
        }
        if (field.errorMessage().isString()) {
            return field.errorMessage().asString();
        }
        var byKeyword = field.errorMessage().get(keyword);
        return byKeyword != null && byKeyword.isString() ? byKeyword.asString() : otherwise;
    }
}
