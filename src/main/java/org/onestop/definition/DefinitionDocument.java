package org.onestop.definition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.onestop.platform.InvalidInput;
import org.onestop.platform.JsonSchemas;
import org.onestop.platform.Violation;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.POJONode;
import tools.jackson.databind.util.RawValue;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Reads and writes the definition file. Reading checks the file against its own JSON Schema
 * first, so that every structural problem is reported at once with its path, before binding.
 * In the file an organisation's keys are a JWK set object; in the model they are its JSON text.
 */
final class DefinitionDocument {

    static final String REJECTED = "The network definition was rejected";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
            .build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
            .build();
    static final JsonNode SCHEMA = loadSchema();

    private DefinitionDocument() {
    }

    static NetworkDefinition read(String text, DefinitionFormat format) {
        return bind(parse(text, format));
    }

    /** The document as a tree, in the shape of the file. */
    static ObjectNode tree(NetworkDefinition definition) {
        ObjectNode tree = JSON.valueToTree(definition);
        for (JsonNode organisation : tree.path("organisations")) {
            JsonNode keys = organisation.get("jwks");
            if (keys != null) {
                JsonNode set = JSON.readTree(keys.isString() ? keys.asString()
                        : keys instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw ? String.valueOf(raw.rawValue())
                        : keys.toString());
                if (set.path("keys").isEmpty()) {
                    ((ObjectNode) organisation).remove("jwks");
                } else {
                    ((ObjectNode) organisation).set("jwks", set);
                }
            }
        }
        return tree;
    }

    /** Checks a tree in the shape of the file against the file's schema, then binds it. */
    static NetworkDefinition bind(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new InvalidInput(REJECTED, List.of(new Violation("", "the document must be a mapping with "
                    + "organisations, agreements and services")));
        }
        tree = tree.deepCopy();
        List<Violation> violations = JsonSchemas.validate(SCHEMA, tree, "");
        if (!violations.isEmpty()) {
            throw new InvalidInput(REJECTED, violations);
        }
        for (JsonNode organisation : tree.path("organisations")) {
            JsonNode keys = organisation.get("jwks");
            if (keys != null) {
                ((ObjectNode) organisation).put("jwks", JSON.writeValueAsString(keys));
            }
        }
        try {
            return JSON.treeToValue(tree, NetworkDefinition.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidInput(REJECTED, List.of(new Violation("", "could not be read: " + rootMessage(e))));
        }
    }

    static String write(NetworkDefinition definition, DefinitionFormat format) {
        ObjectNode tree = tree(definition);
        ObjectMapper writer = format == DefinitionFormat.YAML ? YAML : JSON;
        return writer.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    private static JsonNode parse(String text, DefinitionFormat format) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(REJECTED, List.of(new Violation("", "the document is empty")));
        }
        try {
            return (format == DefinitionFormat.YAML ? YAML : JSON).readTree(text);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new InvalidInput(REJECTED, List.of(new Violation("", "not well-formed " + format.name()
                    + where + ": " + firstLine(e.getOriginalMessage()))));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return firstLine(root.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static JsonNode loadSchema() {
        try (InputStream in = DefinitionDocument.class.getResourceAsStream("/definition/network-definition.schema.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
