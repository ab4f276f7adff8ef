package org.onestop.definition.internal;

import org.onestop.definition.DefinitionFormat;
import org.onestop.definition.ImportResult;
import org.onestop.definition.NetworkDefinitions;
import org.onestop.platform.InvalidInput;
import org.onestop.platform.Violation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/**
 * Writes to the network go through the definition, so that a single organisation, agreement or
 * service is checked by the same rules, against the whole network, as a full import.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Network definition", description = "The network as code: import and export, and single changes")
class DefinitionApi {

    static final String YAML = "application/yaml";

    private final NetworkDefinitions definitions;

    DefinitionApi(NetworkDefinitions definitions) {
        this.definitions = definitions;
    }

    @GetMapping(value = "/network-definition", produces = {YAML, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Export the whole network (YAML unless JSON is asked for)")
    ResponseEntity<String> export(@RequestHeader(value = "Accept", required = false) String accept) {
        DefinitionFormat format = accept != null && accept.contains("json") && !accept.contains("yaml")
                ? DefinitionFormat.JSON : DefinitionFormat.YAML;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(format == DefinitionFormat.JSON ? MediaType.APPLICATION_JSON_VALUE : YAML))
                .body(definitions.exportText(format));
    }

    @PostMapping(value = "/network-definition", consumes = {YAML, "application/x-yaml", "text/yaml",
            MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Import a network definition: all or nothing, idempotent")
    ImportResult importDefinition(@RequestBody String body,
            @RequestHeader(value = "Content-Type", required = false) String contentType) {
        DefinitionFormat format = contentType != null && contentType.contains("json") ? DefinitionFormat.JSON : DefinitionFormat.YAML;
        return definitions.importText(body, format);
    }

    @PutMapping("/organisations/{code}")
    @Operation(summary = "Create or change one organisation (keys as a JWK set object under jwks)")
    ImportResult putOrganisation(@PathVariable String code, @RequestBody JsonNode organisation) {
        return putOne("organisations", code, organisation);
    }

    @PutMapping("/agreements/{code}")
    @Operation(summary = "Create or change one agreement")
    ImportResult putAgreement(@PathVariable String code, @RequestBody JsonNode agreement) {
        return putOne("agreements", code, agreement);
    }

    @PutMapping("/services/{code}")
    @Operation(summary = "Create or change a service; changed content becomes a new version")
    ImportResult putService(@PathVariable String code, @RequestBody JsonNode service) {
        return putOne("services", code, service);
    }

    /** One item is imported as a document holding just that item; paths lose the document's prefix. */
    private ImportResult putOne(String section, String code, JsonNode item) {
        if (!item.isObject()) {
            throw new InvalidInput("Invalid body", List.of(new Violation("", "must be a JSON object")));
        }
        String inBody = item.path("code").asString("");
        if (!code.equals(inBody)) {
            throw new InvalidInput("Code mismatch", List.of(new Violation("code",
                    "'" + inBody + "' differs from the code in the URL, '" + code + "'")));
        }
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.putArray(section).add(item);
        try {
            return definitions.importTree(document);
        } catch (InvalidInput e) {
            String prefix = section + "[0]";
            throw new InvalidInput(e.title(), e.violations().stream()
                    .map(v -> new Violation(v.path().startsWith(prefix + ".") ? v.path().substring(prefix.length() + 1)
                            : v.path().equals(prefix) ? "" : v.path(), v.message()))
                    .toList());
        }
    }
}
