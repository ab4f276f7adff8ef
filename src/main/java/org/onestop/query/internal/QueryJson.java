package org.onestop.query.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.onestop.catalog.FormFields;
import org.onestop.platform.Digests;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Digests, field lists and granted parts of requests and answers. */
final class QueryJson {

    static final JsonMapper CANONICAL = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private QueryJson() {
    }

    /** SHA-256 (hex) of the JSON with object keys sorted, so equal documents have equal digests. */
    static String digest(JsonNode document) {
        Object plain = CANONICAL.treeToValue(document, Object.class);
        return Digests.sha256Hex(CANONICAL.writeValueAsString(plain));
    }

    /** The dotted paths of the values a document holds (objects are followed; arrays and scalars are values). */
    static List<String> fields(JsonNode document) {
        List<String> paths = new ArrayList<>();
        collect(document, "", paths);
        return paths;
    }

    /** Only the granted fields (dotted paths) of the answer; the rest is withheld from the consumer. */
    static ObjectNode granted(JsonNode answer, List<String> fields) {
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        for (String field : fields) {
            JsonNode value = FormFields.valueAt(answer, field);
            if (value == null) {
                continue;
            }
            ObjectNode parent = kept;
            String[] names = field.split("\\.");
            for (int i = 0; i < names.length - 1; i++) {
                JsonNode child = parent.get(names[i]);
                parent = child instanceof ObjectNode object ? object : parent.putObject(names[i]);
            }
            parent.set(names[names.length - 1], value.deepCopy());
        }
        return kept;
    }

    private static void collect(JsonNode node, String prefix, List<String> paths) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject() && !node.isEmpty()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                collect(property.getValue(), prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey(), paths);
            }
        } else if (!prefix.isEmpty()) {
            paths.add(prefix);
        }
    }
}
