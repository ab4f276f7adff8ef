package org.onestop.intake.internal;

import java.util.ArrayList;
import java.util.List;

import org.onestop.platform.InvalidInput;
import org.onestop.platform.Violation;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch item by item, so that one unreadable item is reported on its own and does not
 * spoil the others.
 */
@Component
class BatchReader {

    private final JsonMapper json;

    BatchReader(JsonMapper json) {
        this.json = json;
    }

    record Item(IntakeApi.ApplicationRequest request, String idempotencyKey, List<Violation> problems) {
    }

    List<Item> readArray(String body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidInput("Malformed batch", List.of(new Violation("", "not well-formed JSON: "
                    + e.getOriginalMessage())));
        }
        if (tree == null || !tree.isArray()) {
            throw new InvalidInput("Malformed batch", List.of(new Violation("", "must be a JSON array of applications")));
        }
        List<Item> items = new ArrayList<>(tree.size());
        tree.forEach(node -> items.add(item(node)));
        return items;
    }

    List<Item> readNdjson(String body) {
        List<Item> items = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                items.add(item(json.readTree(line)));
            } catch (JacksonException e) {
                items.add(new Item(null, null, List.of(new Violation("", "not well-formed JSON: " + e.getOriginalMessage()))));
            }
        }
        return items;
    }

    private Item item(JsonNode node) {
        if (node == null || !node.isObject()) {
            return new Item(null, null, List.of(new Violation("", "must be an object with principal and form")));
        }
        JsonNode key = node.get("idempotencyKey");
        var copy = node.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) copy).remove("idempotencyKey");
        try {
            return new Item(json.treeToValue(copy, IntakeApi.ApplicationRequest.class),
                    key == null || key.isNull() ? null : key.asString(), List.of());
        } catch (JacksonException e) {
            return new Item(null, null, List.of(new Violation("", "could not be read: " + e.getOriginalMessage())));
        }
    }
}
