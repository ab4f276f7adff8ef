package org.onestop.insight.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.network.Organisation;
import org.onestop.network.Organisations;
import org.onestop.insight.OcelExport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes OCEL 2.0 JSON with a streaming generator while the database streams rows to it (a
 * cursor: fetch size in a read-only transaction), in four passes over event_log: the types, the
 * events, then the objects (cases from submissions, steps from their first ready, deliveries
 * from their creation) and the organisations from the network.
 * <p>
 * Object ids: {@code case:<id>}, {@code step:<case id>:<step>}, {@code delivery:<id>},
 * {@code organisation:<code>}. Attribute values are written as strings, as the schema of the
 * format declares them.
 */
@Component
class JdbcOcelExport implements OcelExport {

    private static final int FETCH = 1_000;
    private static final Map<String, List<String>> EVENT_ATTRIBUTES = new LinkedHashMap<>();

    static {
        EVENT_ATTRIBUTES.put("application-started", List.of("journey", "service", "channel"));
        EVENT_ATTRIBUTES.put("application-submitted", List.of("reference", "service", "serviceVersion", "principalKind", "channel"));
        EVENT_ATTRIBUTES.put("case-opened", List.of("service", "steps"));
        EVENT_ATTRIBUTES.put("application-corrected", List.of("revision", "fields", "channel"));
        EVENT_ATTRIBUTES.put("step-ready", List.of("deadline", "round"));
        EVENT_ATTRIBUTES.put("step-overdue", List.of("deadline"));
        EVENT_ATTRIBUTES.put("step-rejected", List.of("reason", "final", "fields"));
        EVENT_ATTRIBUTES.put("delivery-created", List.of("delivery", "mode"));
        EVENT_ATTRIBUTES.put("delivery-delivered", List.of("delivery", "attempts"));
        EVENT_ATTRIBUTES.put("delivery-dead", List.of("delivery", "attempts"));
        EVENT_ATTRIBUTES.put("delivery-replayed", List.of("delivery"));
        EVENT_ATTRIBUTES.put("data-viewed", List.of("fields"));
        EVENT_ATTRIBUTES.put("satisfaction-rated", List.of("score", "comment"));
        EVENT_ATTRIBUTES.put("complaint-made", List.of("reference", "service", "text"));
        EVENT_ATTRIBUTES.put("appeal-made", List.of("reference", "service", "text"));
        EVENT_ATTRIBUTES.put("applicant-updated", List.of("round", "message"));
        EVENT_ATTRIBUTES.put("registry-queried", List.of("provider", "service", "requester", "outcome"));
        EVENT_ATTRIBUTES.put("registry-query-attributed", List.of("provider", "service", "requester", "outcome", "query"));
        EVENT_ATTRIBUTES.put("public-value-changed", List.of("indicator", "change", "metric", "better", "baseline", "target"));
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Organisations organisations;

    JdbcOcelExport(JdbcTemplate jdbc, JsonMapper json, Organisations organisations) {
        this.jdbc = jdbc;
        this.json = json;
        this.organisations = organisations;
    }

    @Override
    @Transactional(readOnly = true)
    public void write(OutputStream out) {
        JdbcTemplate cursor = new JdbcTemplate(jdbc.getDataSource());
        cursor.setFetchSize(FETCH);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            types(g);
            g.writeName("events");
            g.writeStartArray();
            cursor.query("SELECT id, occurred_at, type, case_id, step, organisation, channel, actor, attributes "
                    + "FROM event_log ORDER BY id", (RowCallbackHandler) rs -> event(g, rs));
            g.writeEndArray();
            g.writeName("objects");
            g.writeStartArray();
            for (Organisation organisation : organisations.all()) {
                g.writeStartObject();
                g.writeStringProperty("id", "organisation:" + organisation.code());
                g.writeStringProperty("type", "organisation");
                g.writeName("attributes");
                g.writeStartArray();
                objectAttribute(g, "name", organisation.name(), "1970-01-01T00:00:00Z");
                objectAttribute(g, "kind", organisation.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                        "1970-01-01T00:00:00Z");
                g.writeEndArray();
                g.writeEndObject();
            }
            cursor.query("SELECT case_id, occurred_at, channel, attributes FROM event_log "
                    + "WHERE type = 'application-submitted' ORDER BY id", (RowCallbackHandler) rs -> {
                JsonNode attributes = json.readTree(rs.getString("attributes"));
                String time = rs.getTimestamp("occurred_at").toInstant().toString();
                g.writeStartObject();
                g.writeStringProperty("id", "case:" + rs.getObject("case_id", UUID.class));
                g.writeStringProperty("type", "case");
                g.writeName("attributes");
                g.writeStartArray();
                objectAttribute(g, "service", attributes.path("service").asString(""), time);
                objectAttribute(g, "channel", rs.getString("channel") == null ? "" : rs.getString("channel"), time);
                objectAttribute(g, "reference", attributes.path("reference").asString(""), time);
                g.writeEndArray();
                g.writeEndObject();
            });
            cursor.query("SELECT case_id, step, MIN(organisation) AS organisation, MIN(occurred_at) AS ready_at FROM event_log "
                    + "WHERE type = 'step-ready' AND case_id IS NOT NULL GROUP BY case_id, step", (RowCallbackHandler) rs -> {
                UUID caseId = rs.getObject("case_id", UUID.class);
                String step = rs.getString("step");
                g.writeStartObject();
                g.writeStringProperty("id", "step:" + caseId + ":" + step);
                g.writeStringProperty("type", "step");
                g.writeName("attributes");
                g.writeStartArray();
                objectAttribute(g, "step", step, rs.getTimestamp("ready_at").toInstant().toString());
                g.writeEndArray();
                g.writeName("relationships");
                g.writeStartArray();
                relationship(g, "case:" + caseId, "part of");
                if (rs.getString("organisation") != null) {
                    relationship(g, "organisation:" + rs.getString("organisation"), "handled by");
                }
                g.writeEndArray();
                g.writeEndObject();
            });
            cursor.query("SELECT case_id, step, organisation, occurred_at, attributes FROM event_log "
                    + "WHERE type = 'delivery-created' ORDER BY id", (RowCallbackHandler) rs -> {
                JsonNode attributes = json.readTree(rs.getString("attributes"));
                UUID caseId = rs.getObject("case_id", UUID.class);
                g.writeStartObject();
                g.writeStringProperty("id", "delivery:" + attributes.path("delivery").asString(""));
                g.writeStringProperty("type", "delivery");
                g.writeName("attributes");
                g.writeStartArray();
                objectAttribute(g, "mode", attributes.path("mode").asString(""),
                        rs.getTimestamp("occurred_at").toInstant().toString());
                g.writeEndArray();
                g.writeName("relationships");
                g.writeStartArray();
                if (caseId != null && rs.getString("step") != null) {
                    relationship(g, "step:" + caseId + ":" + rs.getString("step"), "carries");
                }
                if (rs.getString("organisation") != null) {
                    relationship(g, "organisation:" + rs.getString("organisation"), "addressed to");
                }
                g.writeEndArray();
                g.writeEndObject();
            });
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private void types(JsonGenerator g) {
        g.writeName("objectTypes");
        g.writeStartArray();
        objectType(g, "case", List.of("service", "channel", "reference"));
        objectType(g, "step", List.of("step"));
        objectType(g, "delivery", List.of("mode"));
        objectType(g, "organisation", List.of("name", "kind"));
        g.writeEndArray();
        g.writeName("eventTypes");
        g.writeStartArray();
        List<String> types = new ArrayList<>(jdbc.queryForList("SELECT DISTINCT type FROM event_log ORDER BY type", String.class));
        for (String type : types) {
            g.writeStartObject();
            g.writeStringProperty("name", type);
            g.writeName("attributes");
            g.writeStartArray();
            List<String> names = new ArrayList<>(EVENT_ATTRIBUTES.getOrDefault(type, List.of()));
            names.add("actor");
            for (String name : names) {
                g.writeStartObject();
                g.writeStringProperty("name", name);
                g.writeStringProperty("type", "string");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void objectType(JsonGenerator g, String name, List<String> attributes) {
        g.writeStartObject();
        g.writeStringProperty("name", name);
        g.writeName("attributes");
        g.writeStartArray();
        for (String attribute : attributes) {
            g.writeStartObject();
            g.writeStringProperty("name", attribute);
            g.writeStringProperty("type", "string");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void event(JsonGenerator g, ResultSet rs) throws SQLException {
        UUID caseId = rs.getObject("case_id", UUID.class);
        String step = rs.getString("step");
        String organisation = rs.getString("organisation");
        String type = rs.getString("type");
        JsonNode attributes = json.readTree(rs.getString("attributes"));
        g.writeStartObject();
        g.writeStringProperty("id", rs.getObject("id", UUID.class).toString());
        g.writeStringProperty("type", type);
        g.writeStringProperty("time", rs.getTimestamp("occurred_at").toInstant().toString());
        g.writeName("attributes");
        g.writeStartArray();
        for (String name : EVENT_ATTRIBUTES.getOrDefault(type, List.of())) {
            String text = attributeText(name, rs, attributes);
            if (text != null) {
                g.writeStartObject();
                g.writeStringProperty("name", name);
                g.writeStringProperty("value", text);
                g.writeEndObject();
            }
        }
        if (rs.getString("actor") != null) {
            g.writeStartObject();
            g.writeStringProperty("name", "actor");
            g.writeStringProperty("value", rs.getString("actor"));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeName("relationships");
        g.writeStartArray();
        if (caseId != null) {
            relationship(g, "case:" + caseId, "case");
            if (step != null) {
                relationship(g, "step:" + caseId + ":" + step, "step");
            }
        }
        if (organisation != null) {
            relationship(g, "organisation:" + organisation, "organisation");
        }
        String delivery = attributes.path("delivery").asString("");
        if (!delivery.isEmpty()) {
            relationship(g, "delivery:" + delivery, "delivery");
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** An event attribute as text: the channel from its column, the rest from the event's attributes. */
    private static String attributeText(String name, ResultSet rs, JsonNode attributes) throws SQLException {
        if ("channel".equals(name)) {
            return rs.getString("channel");
        }
        JsonNode value = attributes.get(name);
        return value == null || value.isNull() ? null : value.isArray() ? join(value) : value.asString();
    }

    @Override
    @Transactional(readOnly = true)
    public void writeSqlite(OutputStream out) {
        Path file = null;
        try {
            file = Files.createTempFile("onestop-ocel-", ".sqlite");
            try (OcelSqliteFile sqlite = new OcelSqliteFile(file)) {
                fill(sqlite);
                sqlite.finish();
            }
            Files.copy(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("The OCEL SQLite file could not be written", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /** The same four passes as the JSON export, into the tables of the SQLite format. */
    private void fill(OcelSqliteFile sqlite) throws SQLException {
        JdbcTemplate cursor = new JdbcTemplate(jdbc.getDataSource());
        cursor.setFetchSize(FETCH);
        sqlite.objectType("case", List.of("service", "channel", "reference"));
        sqlite.objectType("step", List.of("step"));
        sqlite.objectType("delivery", List.of("mode"));
        sqlite.objectType("organisation", List.of("name", "kind"));
        Map<String, List<String>> attributesOf = new LinkedHashMap<>();
        for (String type : jdbc.queryForList("SELECT DISTINCT type FROM event_log ORDER BY type", String.class)) {
            List<String> names = new ArrayList<>(EVENT_ATTRIBUTES.getOrDefault(type, List.of()));
            names.add("actor");
            attributesOf.put(type, names);
            sqlite.eventType(type, names);
        }
        cursor.query("SELECT id, occurred_at, type, case_id, step, organisation, channel, actor, attributes "
                + "FROM event_log ORDER BY id", (RowCallbackHandler) rs -> {
            String id = rs.getObject("id", UUID.class).toString();
            String type = rs.getString("type");
            JsonNode attributes = json.readTree(rs.getString("attributes"));
            List<String> values = new ArrayList<>();
            for (String name : attributesOf.getOrDefault(type, List.of())) {
                values.add("actor".equals(name) ? rs.getString("actor") : attributeText(name, rs, attributes));
            }
            if (!attributesOf.containsKey(type)) {
                // a type first written after the list of types was read
                List<String> names = new ArrayList<>(EVENT_ATTRIBUTES.getOrDefault(type, List.of()));
                names.add("actor");
                attributesOf.put(type, names);
                sqlite.eventType(type, names);
                for (String name : names) {
                    values.add("actor".equals(name) ? rs.getString("actor") : attributeText(name, rs, attributes));
                }
            }
            sqlite.event(id, type, rs.getTimestamp("occurred_at").toInstant().toString(), values);
            UUID caseId = rs.getObject("case_id", UUID.class);
            if (caseId != null) {
                sqlite.eventObject(id, "case:" + caseId, "case");
                if (rs.getString("step") != null) {
                    sqlite.eventObject(id, "step:" + caseId + ":" + rs.getString("step"), "step");
                }
            }
            if (rs.getString("organisation") != null) {
                sqlite.eventObject(id, "organisation:" + rs.getString("organisation"), "organisation");
            }
            String delivery = attributes.path("delivery").asString("");
            if (!delivery.isEmpty()) {
                sqlite.eventObject(id, "delivery:" + delivery, "delivery");
            }
        });
        for (Organisation organisation : organisations.all()) {
            sqlite.object("organisation:" + organisation.code(), "organisation", "1970-01-01T00:00:00Z",
                    List.of(organisation.name(), organisation.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        }
        cursor.query("SELECT case_id, occurred_at, channel, attributes FROM event_log "
                + "WHERE type = 'application-submitted' ORDER BY id", (RowCallbackHandler) rs -> {
            JsonNode attributes = json.readTree(rs.getString("attributes"));
            sqlite.object("case:" + rs.getObject("case_id", UUID.class), "case",
                    rs.getTimestamp("occurred_at").toInstant().toString(),
                    java.util.Arrays.asList(attributes.path("service").asString(""),
                            rs.getString("channel") == null ? "" : rs.getString("channel"),
                            attributes.path("reference").asString("")));
        });
        cursor.query("SELECT case_id, step, MIN(organisation) AS organisation, MIN(occurred_at) AS ready_at FROM event_log "
                + "WHERE type = 'step-ready' AND case_id IS NOT NULL GROUP BY case_id, step", (RowCallbackHandler) rs -> {
            String id = "step:" + rs.getObject("case_id", UUID.class) + ":" + rs.getString("step");
            sqlite.object(id, "step", rs.getTimestamp("ready_at").toInstant().toString(),
                    java.util.Arrays.asList(rs.getString("step")));
            sqlite.objectObject(id, "case:" + rs.getObject("case_id", UUID.class), "part of");
            if (rs.getString("organisation") != null) {
                sqlite.objectObject(id, "organisation:" + rs.getString("organisation"), "handled by");
            }
        });
        cursor.query("SELECT case_id, step, organisation, occurred_at, attributes FROM event_log "
                + "WHERE type = 'delivery-created' ORDER BY id", (RowCallbackHandler) rs -> {
            JsonNode attributes = json.readTree(rs.getString("attributes"));
            String id = "delivery:" + attributes.path("delivery").asString("");
            UUID caseId = rs.getObject("case_id", UUID.class);
            sqlite.object(id, "delivery", rs.getTimestamp("occurred_at").toInstant().toString(),
                    List.of(attributes.path("mode").asString("")));
            if (caseId != null && rs.getString("step") != null) {
                sqlite.objectObject(id, "step:" + caseId + ":" + rs.getString("step"), "carries");
            }
            if (rs.getString("organisation") != null) {
                sqlite.objectObject(id, "organisation:" + rs.getString("organisation"), "addressed to");
            }
        });
    }

    private static String join(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return String.join(",", values);
    }

    private static void objectAttribute(JsonGenerator g, String name, String value, String time) {
        g.writeStartObject();
        g.writeStringProperty("name", name);
        g.writeStringProperty("value", value);
        g.writeStringProperty("time", time);
        g.writeEndObject();
    }

    private static void relationship(JsonGenerator g, String objectId, String qualifier) {
        g.writeStartObject();
        g.writeStringProperty("objectId", objectId);
        g.writeStringProperty("qualifier", qualifier);
        g.writeEndObject();
    }
}
