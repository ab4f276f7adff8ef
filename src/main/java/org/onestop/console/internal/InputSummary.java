package org.onestop.console.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onestop.catalog.FormFields;
import org.onestop.catalog.ServiceDefinition;
import org.onestop.catalog.Step;

import tools.jackson.databind.JsonNode;

/**
 * A step's input as rows of a summary list: nested objects flattened to one row per value, with
 * labels from the schemas' titles joined by "›" ("About the business › Business address › Postcode").
 */
final class InputSummary {

    /** One row: what the value is, and the value as text. */
    record Row(String label, String value) {
    }

    private InputSummary() {
    }

    /** The application's answers the step may see, labelled from the service's form schema. */
    static List<Row> form(JsonNode input, ServiceDefinition service) {
        List<Row> rows = new ArrayList<>();
        flatten(input.path("form"), service.form(), "", "", rows);
        return rows;
    }

    /** Outputs of earlier steps, labelled "Step name › Output title". */
    static List<Row> outputs(JsonNode input, ServiceDefinition service) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, JsonNode> step : input.path("outputs").properties()) {
            Step definition = service.step(step.getKey()).orElse(null);
            String name = definition == null ? Labels.words(step.getKey()) : definition.name();
            flatten(step.getValue(), definition == null ? null : definition.output(), "", name, rows);
        }
        return rows;
    }

    private static void flatten(JsonNode value, JsonNode schema, String path, String label, List<Row> rows) {
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> property : value.properties()) {
                String name = property.getKey();
                String childPath = path.isEmpty() ? name : path + "." + name;
                String title = Labels.of(schema == null ? null : FormFields.schemaAt(schema, childPath), name);
                flatten(property.getValue(), schema, childPath, label.isEmpty() ? title : label + " › " + title, rows);
            }
        } else {
            rows.add(new Row(label, text(value)));
        }
    }

    private static String text(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean() ? "Yes" : "No";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.isValueNode() ? text(item) : item.toString()));
            return String.join(", ", items);
        }
        return value.isNull() ? "" : value.asString();
    }
}
