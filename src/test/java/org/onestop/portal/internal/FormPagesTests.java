package org.onestop.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How a form schema becomes questions, and how answers are checked, without the application. */
class FormPagesTests {

    static final JsonNode FORM = JsonMapper.builder().build().readTree("""
            {"type": "object", "required": ["trade"], "properties": {"trade": {"type": "object", "title": "Your trade",
              "required": ["country", "products"],
              "properties": {
                "country": {"title": "Country", "enum": ["a", "b", "c", "d", "e", "f", "g"]},
                "products": {"type": "array", "title": "Products", "description": "One per line",
                             "items": {"type": "string", "maxLength": 20}},
                "turnover": {"type": "number", "title": "Turnover", "minimum": 0,
                             "errorMessage": "Enter the turnover in euros, like 1200.50"}}}}}""");

    @Test
    void enums_over_six_options_are_selects_and_arrays_are_lists() {
        Section trade = FormPages.sections(FORM).get(0);
        assertThat(trade.title()).isEqualTo("Your trade");
        assertThat(trade.fields()).extracting(Field::kind)
                .containsExactly(Field.Kind.SELECT, Field.Kind.LIST, Field.Kind.NUMBER);
        assertThat(trade.fields().get(1).hint()).isEqualTo("One per line");
        assertThat(trade.fields().get(1).limit()).isEqualTo(20);
    }

    @Test
    void lists_keep_their_values_and_an_error_message_keyword_replaces_the_default() {
        Section trade = FormPages.sections(FORM).get(0);
        var result = SectionCheck.read(trade, Map.of("trade.country", new String[] {"c"},
                "trade.products", new String[] {"tea", "", "coffee"}, "trade.turnover", new String[] {"-3"}));
        assertThat(result.errors()).containsExactly(Map.entry("trade.turnover", "Enter the turnover in euros, like 1200.50"));
        assertThat(result.value().path("products").toString()).isEqualTo("[\"tea\",\"coffee\"]");

        result = SectionCheck.read(trade, Map.of("trade.country", new String[] {"zz"},
                "trade.products", new String[] {"x".repeat(30)}));
        assertThat(result.errors()).containsEntry("trade.country", "Select the country")
                .containsEntry("trade.products", "Products must be 20 characters or fewer");
        assertThat(result.answers().values("trade.products").get(0)).hasSize(20);

        result = SectionCheck.read(trade, Map.of());
        assertThat(result.errors()).containsEntry("trade.country", "Select the country")
                .containsEntry("trade.products", "Enter the products");
    }
}
