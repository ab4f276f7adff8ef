package org.onestop.portal.internal;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** One question page: a top-level property of the form schema and its sub-schema. */
record Section(String key, String title, String description, boolean required, JsonNode schema, List<Field> fields) {
}
