package org.onestop.portal.internal;

import java.math.BigDecimal;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One question generated from a property of the form's JSON Schema.
 *
 * @param name the input's name and the answer's path, e.g. {@code business.address.postcode}
 * @param id the HTML id, e.g. {@code business-address-postcode}
 * @param limit the most characters kept for one value: the schema's {@code maxLength}, or 2,000
 * @param errorMessage the schema's optional {@code errorMessage}: a text, or texts by keyword
 * @param children the questions of a nested object (shown as a fieldset)
 */
record Field(String name, String id, String title, String hint, Kind kind, boolean required, List<Option> options,
        Integer minLength, Integer maxLength, String pattern, BigDecimal minimum, BigDecimal maximum,
        JsonNode errorMessage, List<Field> children) {

    static final int DEFAULT_LIMIT = 2_000;

    enum Kind {
        TEXT, EMAIL, DATE, INTEGER, NUMBER, RADIOS, SELECT, YES_NO, LIST, FIELDSET;

        boolean choice() {
            return this == RADIOS || this == SELECT || this == YES_NO;
        }
    }

    record Option(String value, String label) {
    }

    public int limit() {
        return maxLength != null ? Math.min(maxLength, DEFAULT_LIMIT) : DEFAULT_LIMIT;
    }

    /** The id that the error summary links to: the first input of the question. */
    public String anchor() {
        return kind == Kind.DATE ? id + "-day" : id;
    }

    public String inputType() {
        return kind == Kind.EMAIL ? "email" : "text";
    }

    public String label(String value) {
        return options.stream().filter(o -> o.value().equals(value)).map(Option::label).findFirst().orElse(value);
    }

    /** The title as it reads inside a sentence: "Business name" → "business name", "IBAN" stays. */
    public String inSentence() {
        if (title.length() > 1 && Character.isUpperCase(title.charAt(0)) && Character.isLowerCase(title.charAt(1))) {
            return Character.toLowerCase(title.charAt(0)) + title.substring(1);
        }
        return title;
    }
}
