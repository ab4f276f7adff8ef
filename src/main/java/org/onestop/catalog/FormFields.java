package org.onestop.catalog;

import tools.jackson.databind.JsonNode;

/** Reads form fields by dotted path, in a form's data and in its JSON Schema. */
public final class FormFields {

    private FormFields() {
    }

    /** The value at a dotted path of the data, or {@code null} if absent. */
    public static JsonNode valueAt(JsonNode data, String path) {
        JsonNode node = data;
        for (String name : path.split("\\.")) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(name);
        }
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    /** The schema of the property at a dotted path, following nested {@code properties}, or {@code null}. */
    public static JsonNode schemaAt(JsonNode schema, String path) {
        JsonNode node = schema;
        for (String name : path.split("\\.")) {
            JsonNode properties = node == null ? null : node.get("properties");
            if (properties == null || !properties.isObject()) {
                return null;
            }
            node = properties.get(name);
        }
        return node;
    }
}
