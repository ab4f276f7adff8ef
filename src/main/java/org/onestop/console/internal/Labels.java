package org.onestop.console.internal;

import tools.jackson.databind.JsonNode;

/** Names of fields as people read them: the schema's {@code title}, else the property name in words. */
final class Labels {

    private Labels() {
    }

    static String of(JsonNode schema, String name) {
        JsonNode title = schema == null ? null : schema.get("title");
        return title != null && title.isString() && !title.asString().isBlank() ? title.asString() : words(name);
    }

    /** "registryNumber" → "Registry number", "start-date" → "Start date". */
    static String words(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ').toLowerCase();
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
