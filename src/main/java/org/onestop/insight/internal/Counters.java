package org.onestop.insight.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Increments to one roll-up table, summed in memory over a batch of events and then added to the
 * table with one UPDATE per key (an INSERT for the keys not there yet). Only one reader writes at
 * a time (it holds the position row), so update-then-insert cannot race.
 */
final class Counters {

    private final String table;
    private final List<String> keys;
    private final List<String> values;
    private final Map<List<Object>, long[]> increments = new LinkedHashMap<>();

    Counters(String table, List<String> keys, List<String> values) {
        this.table = table;
        this.keys = keys;
        this.values = values;
    }

    void add(List<Object> key, long... amounts) {
        long[] sums = increments.computeIfAbsent(key, k -> new long[values.size()]);
        for (int i = 0; i < amounts.length; i++) {
            sums[i] += amounts[i];
        }
    }

    /** Adds to one value column by name. */
    void addTo(List<Object> key, String value, long amount) {
        long[] sums = increments.computeIfAbsent(key, k -> new long[values.size()]);
        sums[values.indexOf(value)] += amount;
    }

    void flush(JdbcTemplate jdbc) {
        if (increments.isEmpty()) {
            return;
        }
        String update = "UPDATE " + table + " SET "
                + values.stream().map(v -> v + " = " + v + " + ?").collect(Collectors.joining(", "))
                + " WHERE " + keys.stream().map(k -> k + " = ?").collect(Collectors.joining(" AND "));
        List<Map.Entry<List<Object>, long[]>> entries = new ArrayList<>(increments.entrySet());
        List<Object[]> updates = new ArrayList<>();
        for (Map.Entry<List<Object>, long[]> entry : entries) {
            Object[] args = new Object[values.size() + keys.size()];
            for (int i = 0; i < values.size(); i++) {
                args[i] = entry.getValue()[i];
            }
            for (int i = 0; i < keys.size(); i++) {
                args[values.size() + i] = entry.getKey().get(i);
            }
            updates.add(args);
        }
        int[] updated = jdbc.batchUpdate(update, updates);
        String insert = "INSERT INTO " + table + " (" + String.join(", ", keys) + ", " + String.join(", ", values)
                + ") VALUES (" + String.join(", ", java.util.Collections.nCopies(keys.size() + values.size(), "?")) + ")";
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (updated[i] == 0) {
                Map.Entry<List<Object>, long[]> entry = entries.get(i);
                Object[] args = new Object[keys.size() + values.size()];
                for (int k = 0; k < keys.size(); k++) {
                    args[k] = entry.getKey().get(k);
                }
                for (int v = 0; v < values.size(); v++) {
                    args[keys.size() + v] = entry.getValue()[v];
                }
                inserts.add(args);
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate(insert, inserts);
        }
        increments.clear();
    }
}
