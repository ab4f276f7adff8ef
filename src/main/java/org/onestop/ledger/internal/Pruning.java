package org.onestop.ledger.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onestop.ledger.Checkpoint;
import org.onestop.ledger.internal.CompactRange.Subtree;
import org.onestop.ledger.internal.Proofs.Key;
import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.platform.Ids;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ledger prune --before DATE}: removes the payloads (attributes) of old events while their
 * entries stay in the tree. The events below a signed checkpoint that occurred before the date
 * lose their attributes; their leaf hashes, the stored subtrees and the checkpoints stay, so the
 * tree still verifies and every proof still works. Optionally the events are first written to an
 * archive that anyone can check against the signed checkpoints.
 *
 * <p>Pruning goes in chunks, each one transaction under the ledger's state row lock (the appender
 * waits meanwhile): write the chunk to the archive and force it to disk, empty the attributes,
 * raise {@code ledger_state.pruned_below}, and record a {@code ledger-pruned} event, which becomes
 * a ledger entry like any other. So at every commit the mark the verifier trusts is vouched for
 * by an event in the log.
 */
@Component
final class Pruning {

    static final String EVENT_TYPE = "ledger-pruned";
    static final int CHUNK = 50_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final LedgerStore store;
    private final EventLog events;
    private final Appending appending;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Pruning(JdbcClient jdbc, LedgerStore store, EventLog events, Appending appending, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.events = events;
        this.appending = appending;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** What a prune did: entries {@code from} to {@code prunedBelow - 1} lost their payloads. */
    record Result(long from, long prunedBelow, Path archive) {

        long entries() {
            return prunedBelow - from;
        }

        String report() {
            if (entries() == 0) {
                return "nothing to prune: entries below " + prunedBelow + " are pruned already, and no later entry below a signed "
                        + "checkpoint occurred before the given time";
            }
            return "pruned entries " + from + " to " + (prunedBelow - 1) + " (" + entries() + " events' attributes removed, their leaf "
                    + "hashes kept)" + (archive == null ? "" : "; archived to " + archive);
        }
    }

    /**
     * Prunes the entries, from the current mark on, whose events occurred before {@code before},
     * up to the last signed checkpoint that covers only such entries. The archive, when given,
     * must not exist yet.
     */
    Result prune(Instant before, Path archive) {
        long from = state("pruned_below");
        long firstToKeep = jdbc.sql("SELECT l.entry_index FROM ledger_leaf l JOIN event_log e ON e.id = l.event_id "
                        + "WHERE l.entry_index >= ? AND e.occurred_at >= ? ORDER BY l.entry_index LIMIT 1")
                .params(from, java.sql.Timestamp.from(before)).query(Long.class).optional().orElseGet(() -> state("tree_size"));
        // the mark stops at a signed checkpoint, so every kept leaf hash is covered by a signature
        long to = jdbc.sql("SELECT MAX(tree_size) FROM ledger_checkpoint WHERE tree_size <= ?").param(firstToKeep)
                .query(Long.class).optional().orElse(0L);
        if (to <= from) {
            return new Result(from, from, null);
        }
        try (FileChannel file = archive == null ? null
                : FileChannel.open(archive, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Writer writer = file == null ? null : Channels.newWriter(file, StandardCharsets.UTF_8);
            if (writer != null) {
                writer.write(header(from, to) + "\n");
            }
            long mark = from;
            while (mark < to) {
                long chunkFrom = mark;
                long chunkTo = Math.min(to, mark + CHUNK);
                transactions.executeWithoutResult(status -> pruneChunk(chunkFrom, chunkTo, before, archive, writer, file));
                mark = chunkTo;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the archive " + archive + " could not be written", e);
        }
        // the ledger-pruned events become entries now, signed, whether or not a platform is running
        appending.checkpointNow();
        return new Result(from, to, archive);
    }

    private void pruneChunk(long from, long to, Instant before, Path archive, Writer writer, FileChannel file) {
        long mark = jdbc.sql("SELECT pruned_below FROM ledger_state WHERE id = 1 FOR UPDATE").query(Long.class).single();
        if (mark != from) {
            throw new IllegalStateException("another prune moved the mark to " + mark + " meanwhile; nothing more was pruned");
        }
        if (writer != null) {
            try {
                archiveEntries(from, to, writer);
                writer.flush();
                // on disk before the payloads go
                file.force(true);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        jdbc.sql("UPDATE event_log SET attributes = CAST('{}' AS jsonb) "
                + "WHERE id IN (SELECT event_id FROM ledger_leaf WHERE entry_index >= ? AND entry_index < ?)").params(from, to).update();
        jdbc.sql("UPDATE ledger_state SET pruned_below = ? WHERE id = 1").param(to).update();
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("from", from);
        attributes.put("prunedBelow", to);
        attributes.put("before", before.toString());
        if (archive != null) {
            attributes.put("archive", String.valueOf(archive.getFileName()));
        }
        events.append(new Event(Ids.newId(clock), clock.instant().truncatedTo(ChronoUnit.MICROS), EVENT_TYPE, null, null, null, null,
                null, "platform", attributes));
    }

    /** The first line: the range, the checkpoints at both ends, and the tree's frontier where the range starts. */
    private String header(long from, long to) {
        ObjectNode header = JSON.createObjectNode();
        header.put("archive", "onestop-ledger");
        header.put("from", from);
        header.put("to", to);
        ArrayNode checkpoints = header.putArray("checkpoints");
        for (long size : from > 0 ? List.of(from, to) : List.of(to)) {
            Optional<Checkpoint> checkpoint = store.checkpoint(size);
            checkpoint.ifPresent(c -> checkpoints.addObject().put("treeSize", c.treeSize()).put("rootHash", c.rootHash())
                    .put("issuedAt", c.issuedAt().toString()).put("signature", c.signature()));
        }
        List<Subtree> positions = CompactRange.frontierOf(from);
        Map<Key, byte[]> hashes = from == 0 ? Map.of()
                : store.hashes(positions.stream().map(s -> new Key(s.level(), s.index())).toList());
        ArrayNode frontier = header.putArray("frontier");
        for (Subtree position : from == 0 ? List.<Subtree>of() : positions) {
            frontier.addObject().put("level", position.level()).put("index", position.index())
                    .put("hash", TreeHashes.hex(hashes.get(new Key(position.level(), position.index()))));
        }
        return JSON.writeValueAsString(header);
    }

    /** One line per entry: its index, its leaf hash and the event's canonical JSON, from which the hash is recomputed. */
    private void archiveEntries(long from, long to, Writer writer) {
        List<IOException> failures = new ArrayList<>(1);
        jdbc.sql("SELECT l.entry_index, l.leaf_hash, e.id, e.occurred_at, e.type, e.case_id, e.application_id, e.step, e.organisation, "
                        + "e.channel, e.actor, e.attributes FROM ledger_leaf l LEFT JOIN event_log e ON e.id = l.event_id "
                        + "WHERE l.entry_index >= ? AND l.entry_index < ? ORDER BY l.entry_index")
                .params(from, to).query((RowCallbackHandler) rs -> {
                    String event = rs.getObject("id") == null ? "null"
                            : new String(LeafContent.canonical(LeafContent.read(rs)), StandardCharsets.UTF_8);
                    try {
                        writer.write("{\"index\":" + rs.getLong("entry_index") + ",\"leafHash\":\"" + rs.getString("leaf_hash")
                                + "\",\"event\":" + event + "}\n");
                    } catch (IOException e) {
                        failures.add(e);
                    }
                });
        if (!failures.isEmpty()) {
            throw new UncheckedIOException(failures.get(0));
        }
    }

    private long state(String column) {
        return jdbc.sql("SELECT " + column + " FROM ledger_state WHERE id = 1").query(Long.class).single();
    }
}
