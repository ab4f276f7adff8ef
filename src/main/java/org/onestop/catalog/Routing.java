package org.onestop.catalog;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * Picks the organisation that handles a step from the value of a form field, e.g. the
 * municipality from the business address.
 *
 * @param field dotted path of the form field
 * @param organisations organisation code by field value
 * @param otherwise organisation for any other value, or {@code null} to leave such applications unrouted
 */
public record Routing(String field, Map<String, String> organisations, String otherwise) {

    public Routing {
        Objects.requireNonNull(field, "field");
        organisations = organisations == null ? Map.of() : Map.copyOf(organisations);
    }

    public Optional<String> organisationFor(JsonNode form) {
        JsonNode value = FormFields.valueAt(form, field);
        if (value != null && value.isValueNode()) {
            String chosen = organisations.get(value.asString());
            if (chosen != null) {
                return Optional.of(chosen);
            }
        }
        return Optional.ofNullable(otherwise);
    }
}
