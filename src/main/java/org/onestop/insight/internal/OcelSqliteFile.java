package org.onestop.insight.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An OCEL 2.0 SQLite file being written: the tables {@code event}, {@code object},
 * {@code event_object}, {@code object_object}, {@code event_map_type}, {@code object_map_type} and
 * one table per event type ({@code event_<Type>}) and per object type ({@code object_<Type>}), with
 * every attribute as TEXT. Rows go in through prepared statements in batches, in one transaction,
 * so nothing but the current batch is in memory.
 */
final class OcelSqliteFile implements AutoCloseable {

    private static final int BATCH = 1_000;

    private final Connection connection;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, String> eventTables = new HashMap<>();
    private final Map<String, String> objectTables = new HashMap<>();

    OcelSqliteFile(Path file) throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            // a file written once and then sent: no journal to keep, nothing to survive a crash
            statement.execute("PRAGMA journal_mode = OFF");
            statement.execute("PRAGMA synchronous = OFF");
        }
        connection.setAutoCommit(false);
        table("event", List.of("ocel_id", "ocel_type"));
        table("object", List.of("ocel_id", "ocel_type"));
        table("event_object", List.of("ocel_event_id", "ocel_object_id", "ocel_qualifier"));
        table("object_object", List.of("ocel_source_id", "ocel_target_id", "ocel_qualifier"));
        table("event_map_type", List.of("ocel_type", "ocel_type_map"));
        table("object_map_type", List.of("ocel_type", "ocel_type_map"));
    }

    /** The name of a type inside a table name: {@code step-completed} becomes {@code StepCompleted}. */
    static String typeMap(String type) {
        StringBuilder name = new StringBuilder();
        for (String part : type.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return name.length() == 0 ? "Unnamed" : name.toString();
    }

    void eventType(String type, List<String> attributes) throws SQLException {
        String map = unique(typeMap(type), eventTables);
        eventTables.put(type, map);
        insert("event_map_type", type, map);
        List<String> columns = new ArrayList<>(List.of("ocel_id", "ocel_time"));
        columns.addAll(attributes);
        table("event_" + map, columns);
    }

    void objectType(String type, List<String> attributes) throws SQLException {
        String map = unique(typeMap(type), objectTables);
        objectTables.put(type, map);
        insert("object_map_type", type, map);
        List<String> columns = new ArrayList<>(List.of("ocel_id", "ocel_time", "ocel_changed_field"));
        columns.addAll(attributes);
        table("object_" + map, columns);
    }

    /** An event with its attribute values (in the order of its type's attributes; null where it has none). */
    void event(String id, String type, String time, List<String> values) throws SQLException {
        insert("event", id, type);
        List<Object> row = new ArrayList<>(List.of(id, time));
        row.addAll(values);
        insert("event_" + eventTables.get(type), row.toArray());
    }

    /** An object with its initial attribute values. */
    void object(String id, String type, String time, List<String> values) throws SQLException {
        insert("object", id, type);
        List<Object> row = new ArrayList<>(java.util.Arrays.asList(id, time, null));
        row.addAll(values);
        insert("object_" + objectTables.get(type), row.toArray());
    }

    void eventObject(String eventId, String objectId, String qualifier) throws SQLException {
        insert("event_object", eventId, objectId, qualifier);
    }

    void objectObject(String sourceId, String targetId, String qualifier) throws SQLException {
        insert("object_object", sourceId, targetId, qualifier);
    }

    private static String unique(String name, Map<String, String> taken) {
        String candidate = name;
        for (int n = 2; taken.containsValue(candidate); n++) {
            candidate = name + n;
        }
        return candidate;
    }

    private void table(String name, List<String> columns) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + quote(name) + " ("
                    + String.join(", ", columns.stream().map(c -> quote(c) + " TEXT").toList()) + ")");
        }
        tables.put(name, new Table(connection.prepareStatement("INSERT INTO " + quote(name) + " VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")")));
    }

    private void insert(String table, Object... values) throws SQLException {
        Table target = tables.get(table);
        for (int i = 0; i < values.length; i++) {
            target.statement.setObject(i + 1, values[i]);
        }
        target.statement.addBatch();
        if (++target.pending >= BATCH) {
            target.statement.executeBatch();
            target.pending = 0;
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Writes what is pending and commits. */
    void finish() throws SQLException {
        for (Table table : tables.values()) {
            if (table.pending > 0) {
                table.statement.executeBatch();
                table.pending = 0;
            }
        }
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        for (Table table : tables.values()) {
            table.statement.close();
        }
        connection.close();
    }

    private static final class Table {
        final PreparedStatement statement;
        int pending;

        Table(PreparedStatement statement) {
            this.statement = statement;
        }
    }
}
