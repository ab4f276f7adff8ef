package org.onestop.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;

import tools.jackson.databind.JsonNode;

/**
 * JSON Schema 2020-12: checks that a schema is itself valid, and validates documents against
 * schemas. Compiled schemas are cached by their content, since the same form is used for
 * every application of a service version.
 */
public final class JsonSchemas {

    // formats (email, date) are checked, not only annotated: forms rely on them
    // and errorMessage, the forms' own wording for people, is a known annotation rather than an unknown keyword
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            Dialect.builder(Dialects.getDraft202012()).keyword(new AnnotationKeyword("errorMessage")).build(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Schema META_SCHEMA = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    private static final int CACHE_LIMIT = 512;
    private static final Map<JsonNode, Schema> COMPILED = new ConcurrentHashMap<>();

    private JsonSchemas() {
    }

    /** Problems that make {@code schema} an invalid JSON Schema 2020-12, with paths under {@code at}. */
    public static List<Violation> checkSchema(JsonNode schema, String at) {
        if (schema == null || !(schema.isObject() || schema.isBoolean())) {
            return List.of(new Violation(at, "must be a JSON Schema (an object)"));
        }
        List<Violation> violations = new ArrayList<>(validate(META_SCHEMA, schema, at));
        if (violations.isEmpty()) {
            try {
                compile(schema).validate(schema.deepCopy());
            } catch (RuntimeException e) {
                violations.add(new Violation(at, "is not a usable JSON Schema: " + e.getMessage()));
            }
        }
        return violations;
    }

    /** Problems of {@code document} against {@code schema}, with paths under {@code at}. */
    public static List<Violation> validate(JsonNode schema, JsonNode document, String at) {
        return validate(compile(schema), document, at);
    }

    public static Schema compile(JsonNode schema) {
        Schema compiled = COMPILED.get(schema);
        if (compiled == null) {
            compiled = REGISTRY.getSchema(schema);
            if (COMPILED.size() >= CACHE_LIMIT) {
                COMPILED.clear();
            }
            COMPILED.put(schema.deepCopy(), compiled);
        }
        return compiled;
    }

    private static List<Violation> validate(Schema schema, JsonNode document, String at) {
        return schema.validate(document).stream()
                .map(error -> new Violation(JsonPaths.join(at, pathOf(error)), messageOf(error)))
                .distinct()
                .toList();
    }

    private static String pathOf(com.networknt.schema.Error error) {
        String path = JsonPaths.of(error.getInstanceLocation());
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            return JsonPaths.join(path, error.getProperty());
        }
        if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
            return JsonPaths.join(path, error.getProperty());
        }
        return path;
    }

    private static String messageOf(com.networknt.schema.Error error) {
        String message = error.getMessage();
        // The validator starts each message with the instance location; the path is already given apart.
        int colon = message.indexOf(": ");
        boolean startsWithLocation = message.startsWith("/") || message.startsWith("$") || message.startsWith(": ");
        return colon >= 0 && startsWithLocation ? message.substring(colon + 2) : message;
    }
}
