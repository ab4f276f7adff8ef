package org.onestop.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onestop.platform.JsonSchemas;
import org.onestop.platform.Violation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The "Complete" form generated from a step's output schema, and its error sentences. */
class OutputFormTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final JsonNode SCHEMA = JSON.readTree("""
            {"type": "object", "required": ["registryNumber", "approved", "kind"],
             "properties": {
               "registryNumber": {"type": "string", "title": "Registry number", "pattern": "^[0-9]{8}$"},
               "iban": {"type": "string", "title": "IBAN", "pattern": "^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$"},
               "employees": {"type": "integer", "title": "Number of employees", "minimum": 0},
               "fee": {"type": "number"},
               "approved": {"type": "boolean", "title": "Approved"},
               "kind": {"title": "Kind of licence", "enum": ["market", "shop"]},
               "note": {"type": "string", "title": "Note", "maxLength": 5,
                        "errorMessage": {"maxLength": "Keep the note short"}},
               "email": {"type": "string", "title": "Email address", "format": "email"}}}""");

    private final OutputForm form = OutputForm.of(SCHEMA);

    @Test
    void asks_one_question_per_property_in_the_way_its_type_needs() {
        assertThat(form.fields()).extracting(OutputForm.Field::id, OutputForm.Field::label, OutputForm.Field::kind,
                OutputForm.Field::required).containsExactly(
                tuple("output-registryNumber", "Registry number", OutputForm.Kind.TEXT, true),
                tuple("output-iban", "IBAN", OutputForm.Kind.TEXT, false),
                tuple("output-employees", "Number of employees", OutputForm.Kind.NUMBER, false),
                tuple("output-fee", "Fee", OutputForm.Kind.NUMBER, false),
                tuple("output-approved", "Approved", OutputForm.Kind.YES_NO, true),
                tuple("output-kind", "Kind of licence", OutputForm.Kind.CHOICE, true),
                tuple("output-note", "Note", OutputForm.Kind.TEXT, false),
                tuple("output-email", "Email address", OutputForm.Kind.TEXT, false));
        assertThat(form.fields().get(5).options()).containsExactly("market", "shop");
    }

    @Test
    void builds_the_output_with_numbers_and_booleans_and_leaves_blank_answers_out() {
        Map<String, String> answers = form.answers(Map.of("output-registryNumber", " 12345678 ", "output-employees", "12",
                "output-fee", "2.50", "output-approved", "no", "output-kind", "shop", "output-note", "  ", "_csrf", "x"));
        assertThat(form.output(answers).toString()).isEqualTo(
                "{\"registryNumber\":\"12345678\",\"employees\":12,\"fee\":2.50,\"approved\":false,\"kind\":\"shop\"}");
        assertThat(JsonSchemas.validate(SCHEMA, form.output(answers), "output")).isEmpty();
    }

    @Test
    void words_each_broken_rule_for_a_person() {
        Map<String, String> answers = form.answers(Map.of("output-iban", "nope", "output-employees", "a dozen",
                "output-note", "far too long", "output-email", "ada", "output-kind", "tent"));
        List<Violation> violations = JsonSchemas.validate(SCHEMA, form.output(answers), "output");

        assertThat(form.errors(violations, answers)).containsExactly(
                Map.entry("output-registryNumber", "Enter the registry number"),
                Map.entry("output-iban", "Enter the IBAN in the correct format"),
                Map.entry("output-employees", "Number of employees must be a whole number"),
                Map.entry("output-approved", "Select yes or no for Approved"),
                Map.entry("output-kind", "Select the kind of licence from the list"),
                Map.entry("output-note", "Keep the note short"),
                Map.entry("output-email", "Enter the email address in the correct format, like name@example.com"));
        assertThat(form.otherProblems(violations)).isEmpty();
    }

    @Test
    void explains_digit_patterns_and_number_limits() {
        Map<String, String> answers = form.answers(Map.of("output-registryNumber", "123", "output-employees", "-1"));
        List<Violation> violations = JsonSchemas.validate(SCHEMA, form.output(answers), "output");
        Map<String, String> errors = form.errors(violations, answers);
        assertThat(errors).containsEntry("output-registryNumber", "Registry number must be 8 digits")
                .containsEntry("output-employees", "Number of employees must be 0 or more");
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
