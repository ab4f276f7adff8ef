package org.onestop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.onestop.definition.DefinitionFormat;
import org.onestop.definition.NetworkDefinitions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The "Start a business" demo network and answers that fill its form. */
public final class DemoNetworkFixture {

    public static final String SERVICE = "start-a-business";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DemoNetworkFixture() {
    }

    public static String yaml() {
        try (InputStream in = DemoNetworkFixture.class.getResourceAsStream("/demo/start-a-business.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Imports the demo network (idempotent, so every test may call it). */
    public static void load(NetworkDefinitions definitions) {
        definitions.importText(yaml(), DefinitionFormat.YAML);
    }

    public static JsonNode form(String businessName, String municipality) {
        return JSON.readTree("""
                {"applicant": {"fullName": "Ada Lovelace", "email": "ada@example.org"},
                 "business": {"name": "%s", "legalForm": "limited-company", "activity": "Analytical engines",
                   "startDate": "2026-12-01", "employees": 3,
                   "address": {"street": "1 Engine Row", "postcode": "1234 AB", "municipality": "%s"}},
                 "banking": {"openAccount": true}}""".formatted(businessName, municipality));
    }
}
