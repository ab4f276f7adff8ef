package org.onestop.ledger.internal;

import java.sql.SQLException;
import java.text.ParseException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import com.nimbusds.jose.jwk.JWKSet;
import org.onestop.keys.PlatformKeys;
import org.onestop.ledger.Checkpoint;
import org.onestop.ledger.internal.LeafContent.EventRow;
import org.onestop.platform.Databases;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ledger verify}: recomputes every leaf from its event and the whole tree from the leaves,
 * in index order and in pages, and checks every checkpoint's signature and root on the way. It
 * trusts no stored interior hash and stops at the first index found wrong. Entries below the pruned
 * mark have lost their payloads: their kept leaf hashes are folded in and checked by the signed roots.
 */
@Component
final class LocalVerification {

    static final int PAGE = 10_000;
    /** Pages read ahead, each by a reader thread of its own. */
    private static final int READ_AHEAD = 2;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final LedgerStore store;
    private final PlatformKeys keys;

    private final int pageSize;
    /** On PostgreSQL, each page is read in a transaction of its own that asks for no parallel workers; else null. */
    private final TransactionTemplate serialReads;

    @Autowired
    LocalVerification(JdbcClient jdbc, LedgerStore store, PlatformKeys keys, DataSource dataSource,
            PlatformTransactionManager transactions) {
        this(jdbc, store, keys, onPostgres(dataSource) ? new TransactionTemplate(transactions) : null, PAGE);
    }

    LocalVerification(JdbcClient jdbc, LedgerStore store, PlatformKeys keys, TransactionTemplate serialReads, int pageSize) {
        this.jdbc = jdbc;
        this.store = store;
        this.keys = keys;
        this.serialReads = serialReads;
        this.pageSize = pageSize;
    }

    private static boolean onPostgres(DataSource dataSource) {
        try {
            return Databases.isPostgres(dataSource);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database holds the ledger", e);
        }
    }

    private record Row(long index, UUID eventId, String leafHash, EventRow event) {
    }

    Verdict verify() {
        ExecutorService reader = Executors.newFixedThreadPool(READ_AHEAD, task -> {
            Thread thread = new Thread(task, "ledger-verify-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return verify(reader);
        } finally {
            reader.shutdownNow();
        }
    }

    private Verdict verify(ExecutorService reader) {
        JWKSet published;
        try {
            published = JWKSet.parse(keys.publicJwks());
        } catch (ParseException e) {
            throw new IllegalStateException("the platform's own JWK set does not parse", e);
        }
        long prunedBelow = jdbc.sql("SELECT pruned_below FROM ledger_state WHERE id = 1").query(Long.class).single();
        CompactRange range = CompactRange.empty();
        Deque<Checkpoint> pending = new ArrayDeque<>();
        long nextCheckpointFrom = 1;
        long checked = 0;
        long lastGoodCheckpoint = 0;
        long pruned = 0;
        // pages are index ranges, read ahead while earlier ones are hashed and folded in
        Deque<CompletableFuture<List<Row>>> ahead = new ArrayDeque<>();
        long[] nextPage = {0};
        Runnable readNext = () -> {
            long from = nextPage[0];
            ahead.addLast(CompletableFuture.supplyAsync(() -> page(from), reader));
            nextPage[0] += pageSize;
        };
        for (int i = 0; i < READ_AHEAD; i++) {
            readNext.run();
        }
        long withEvents = 0;
        while (true) {
            List<Row> page = ahead.removeFirst().join();
            // a short page ends the ledger unless more follows: then it has a gap, which the index check names
            boolean last = page.size() < pageSize && ahead.peekFirst().join().isEmpty();
            if (!last) {
                readNext.run();
            }
            byte[][] computed = LeafContent.leafHashes(page.stream()
                    .map(row -> row.index() >= prunedBelow ? row.event() : null).toList());
            for (int i = 0; i < page.size(); i++) {
                Row row = page.get(i);
                long index = range.size();
                if (row.event() != null) {
                    withEvents++;
                }
                if (row.index() != index) {
                    return Verdict.bad(index, checked, index, "entry " + index + " is missing from ledger_leaf");
                }
                byte[] leaf;
                if (index < prunedBelow) {
                    // pruned: the payload is gone, so the kept leaf hash stands for the event; the
                    // signed roots below check it, so a changed kept hash still shows
                    leaf = TreeHashes.fromHex(row.leafHash());
                    pruned++;
                } else if (row.event() != null) {
                    leaf = computed[i];
                    if (!TreeHashes.hex(leaf).equals(row.leafHash())) {
                        return Verdict.bad(index, checked, index, "event " + row.eventId()
                                + " does not match the leaf hash of its entry (the event was changed, or entries were swapped)");
                    }
                } else {
                    return Verdict.bad(index, checked, index, "event " + row.eventId() + " is missing from event_log");
                }
                range.append(leaf);
                if (pending.isEmpty()) {
                    pending.addAll(store.checkpoints(nextCheckpointFrom, 1000));
                    nextCheckpointFrom = pending.isEmpty() ? nextCheckpointFrom : pending.getLast().treeSize() + 1;
                }
                while (!pending.isEmpty() && pending.peekFirst().treeSize() == range.size()) {
                    Checkpoint checkpoint = pending.removeFirst();
                    Optional<String> problem = check(checkpoint, published, range.root());
                    if (problem.isPresent()) {
                        String prunedNote = lastGoodCheckpoint < prunedBelow ? " (entries below " + prunedBelow
                                + " are pruned: their kept leaf hashes were folded in)" : "";
                        return Verdict.bad(range.size(), checked, lastGoodCheckpoint, problem.get()
                                + "; entries " + lastGoodCheckpoint + " to " + (checkpoint.treeSize() - 1) + " are in doubt" + prunedNote);
                    }
                    lastGoodCheckpoint = checkpoint.treeSize();
                    checked++;
                }
            }
            if (last) {
                break;
            }
        }
        if (pending.isEmpty()) {
            pending.addAll(store.checkpoints(nextCheckpointFrom, 1));
        }
        if (!pending.isEmpty()) {
            Checkpoint beyond = pending.peekFirst();
            return Verdict.bad(range.size(), checked, range.size(), "checkpoint of tree size " + beyond.treeSize()
                    + " covers entries the ledger no longer has (it ends at " + range.size() + ")");
        }
        long size = store.treeSize();
        if (size != range.size()) {
            return Verdict.bad(range.size(), checked, Math.min(size, range.size()), "the ledger says it has " + size
                    + " entries but " + range.size() + " were found");
        }
        if (prunedBelow > 0 && !vouched(prunedBelow)) {
            return Verdict.bad(range.size(), checked, 0, "ledger_state.pruned_below is " + prunedBelow
                    + ", but no " + Pruning.EVENT_TYPE + " event records pruning up to it (entries below it were not checked against "
                    + "their events)");
        }
        Optional<UUID> stray = allEventsAccountedFor(withEvents) ? Optional.empty() : jdbc.sql("SELECT e.id FROM event_log e WHERE NOT EXISTS (SELECT 1 FROM ledger_leaf l WHERE l.event_id = e.id) "
                + "AND NOT EXISTS (SELECT 1 FROM ledger_queue q WHERE q.event_id = e.id) LIMIT 1").query(UUID.class).optional();
        if (stray.isPresent()) {
            return Verdict.bad(range.size(), checked, range.size(), "event " + stray.get()
                    + " is in event_log but neither in the ledger nor queued for it (inserted behind the platform's back)");
        }
        return Verdict.good(range.size(), checked, pruned);
    }

    /**
     * Whether every event is in the ledger or queued for it, told by counting (cheap) rather than by
     * the anti-join that names a stray event (seconds on a large log, so it runs only when the counts
     * differ; they also differ when entries were appended while the verifier read).
     */
    private boolean allEventsAccountedFor(long eventsInLedger) {
        long events = jdbc.sql("SELECT count(*) FROM event_log").query(Long.class).single();
        long queued = jdbc.sql("SELECT count(*) FROM ledger_queue q WHERE EXISTS (SELECT 1 FROM event_log e WHERE e.id = q.event_id)")
                .query(Long.class).single();
        return events == eventsInLedger + queued;
    }

    /** The pruned mark is trusted only as far as a ledger-pruned event, itself in the log, records it. */
    private boolean vouched(long prunedBelow) {
        return jdbc.sql("SELECT attributes FROM event_log WHERE type = ?").param(Pruning.EVENT_TYPE).query(String.class).list().stream()
                .map(JSON::readTree).anyMatch(attributes -> attributes.path("prunedBelow").asLong(-1) == prunedBelow);
    }

    private static Optional<String> check(Checkpoint checkpoint, JWKSet published, byte[] root) {
        Optional<String> problem = CheckpointCheck.problem(checkpoint, published);
        if (problem.isPresent()) {
            return problem;
        }
        if (!Arrays.equals(TreeHashes.fromHex(checkpoint.rootHash()), root)) {
            return Optional.of("checkpoint of tree size " + checkpoint.treeSize() + ": signed root " + checkpoint.rootHash()
                    + " differs from the root recomputed from the events, " + TreeHashes.hex(root));
        }
        return Optional.empty();
    }

    private List<Row> page(long from) {
        if (serialReads == null) {
            return read(from);
        }
        return serialReads.execute(status -> {
            // the verifier keeps both cores busy itself: PostgreSQL's parallel workers would only compete (3 to 4 s
            // more for a million entries on two cores)
            jdbc.sql("SET LOCAL max_parallel_workers_per_gather = 0").update();
            return read(from);
        });
    }

    private List<Row> read(long from) {
        return jdbc.sql("SELECT l.entry_index, l.event_id, l.leaf_hash, e.id, e.occurred_at, e.type, e.case_id, e.application_id, "
                        + "e.step, e.organisation, e.channel, e.actor, e.attributes FROM ledger_leaf l "
                        + "LEFT JOIN event_log e ON e.id = l.event_id WHERE l.entry_index >= ? AND l.entry_index < ? ORDER BY l.entry_index")
                .params(from, from + pageSize)
                .query((rs, n) -> new Row(rs.getLong("entry_index"), rs.getObject("event_id", UUID.class), rs.getString("leaf_hash"),
                        rs.getObject("id") == null ? null : LeafContent.read(rs)))
                .list();
    }
}
