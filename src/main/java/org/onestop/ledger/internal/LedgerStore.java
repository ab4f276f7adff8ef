package org.onestop.ledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onestop.ledger.Checkpoint;
import org.onestop.ledger.internal.CompactRange.Subtree;
import org.onestop.ledger.internal.LeafContent.EventRow;
import org.onestop.ledger.internal.Proofs.Key;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger's tables: queue, state (the lock), leaves, stored subtrees and checkpoints. */
@Repository
class LedgerStore {

    private final JdbcClient jdbc;

    LedgerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the state row for the rest of the transaction: one appender at a time, on any node. */
    long lockTreeSize() {
        return jdbc.sql("SELECT tree_size FROM ledger_state WHERE id = 1 FOR UPDATE").query(Long.class).single();
    }

    long treeSize() {
        return jdbc.sql("SELECT tree_size FROM ledger_state WHERE id = 1").query(Long.class).single();
    }

    void setTreeSize(long size) {
        jdbc.sql("UPDATE ledger_state SET tree_size = ? WHERE id = 1").param(size).update();
    }

    /** Queued events, oldest id first. */
    List<EventRow> queued(int limit) {
        return jdbc.sql("SELECT e.id, e.occurred_at, e.type, e.case_id, e.application_id, e.step, e.organisation, e.channel, "
                        + "e.actor, e.attributes FROM ledger_queue q JOIN event_log e ON e.id = q.event_id ORDER BY q.event_id LIMIT ?")
                .param(limit).query((rs, row) -> LeafContent.read(rs)).list();
    }

    /**
     * Rows per multi-row statement: one statement per this many rows, rather than one per row,
     * keeps far below the 65,535 parameters a PostgreSQL statement may carry.
     */
    static final int ROWS_PER_STATEMENT = 1000;

    void dequeue(List<UUID> eventIds) {
        for (List<UUID> chunk : chunks(eventIds)) {
            jdbc.sql("DELETE FROM ledger_queue WHERE event_id IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")
                    .params(new ArrayList<Object>(chunk)).update();
        }
    }

    record Leaf(long index, UUID eventId, byte[] hash) {
    }

    void insertLeaves(List<Leaf> leaves) {
        for (List<Leaf> chunk : chunks(leaves)) {
            List<Object> params = new ArrayList<>(chunk.size() * 3);
            for (Leaf leaf : chunk) {
                params.add(leaf.index());
                params.add(leaf.eventId());
                params.add(TreeHashes.hex(leaf.hash()));
            }
            jdbc.sql("INSERT INTO ledger_leaf (entry_index, event_id, leaf_hash) VALUES " + rows(chunk.size(), "(?, ?, ?)"))
                    .params(params).update();
        }
    }

    void insertSubtrees(List<Subtree> subtrees) {
        for (List<Subtree> chunk : chunks(subtrees)) {
            List<Object> params = new ArrayList<>(chunk.size() * 3);
            for (Subtree subtree : chunk) {
                params.add(subtree.level());
                params.add(subtree.index());
                params.add(TreeHashes.hex(subtree.hash()));
            }
            jdbc.sql("INSERT INTO ledger_node (node_level, node_index, hash) VALUES " + rows(chunk.size(), "(?, ?, ?)"))
                    .params(params).update();
        }
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
            chunks.add(all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT)));
        }
        return chunks;
    }

    private static String rows(int count, String row) {
        return String.join(", ", Collections.nCopies(count, row));
    }

    /** The hashes of these perfect subtrees (level 0: leaves), fetched in one query. */
    Map<Key, byte[]> hashes(Collection<Key> keys) {
        Map<Key, byte[]> found = new HashMap<>();
        List<Long> leaves = keys.stream().filter(k -> k.level() == 0).map(Key::index).toList();
        List<Key> nodes = keys.stream().filter(k -> k.level() > 0).toList();
        if (leaves.isEmpty() && nodes.isEmpty()) {
            return found;
        }
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (!leaves.isEmpty()) {
            sql.append("SELECT 0 AS node_level, entry_index AS node_index, leaf_hash AS hash FROM ledger_leaf WHERE entry_index IN (")
                    .append(String.join(", ", Collections.nCopies(leaves.size(), "?"))).append(")");
            params.addAll(leaves);
        }
        for (Key node : nodes) {
            // one primary-key lookup per subtree: an OR of (level, index) pairs may be read as a scan
            sql.append(sql.length() == 0 ? "" : " UNION ALL ")
                    .append("SELECT node_level, node_index, hash FROM ledger_node WHERE node_level = ? AND node_index = ?");
            params.add(node.level());
            params.add(node.index());
        }
        jdbc.sql(sql.toString()).params(params).query((ResultSet rs) -> {
            found.put(new Key(rs.getInt(1), rs.getLong(2)), TreeHashes.fromHex(rs.getString(3)));
        });
        return found;
    }

    Optional<String> leafHash(long index) {
        return jdbc.sql("SELECT leaf_hash FROM ledger_leaf WHERE entry_index = ?").param(index).query(String.class).optional();
    }

    void insertCheckpoint(Checkpoint checkpoint) {
        jdbc.sql("INSERT INTO ledger_checkpoint (tree_size, root_hash, issued_at, signature) VALUES (?, ?, ?, ?)")
                .params(checkpoint.treeSize(), checkpoint.rootHash(), Timestamp.from(checkpoint.issuedAt()), checkpoint.signature())
                .update();
    }

    Optional<Checkpoint> latestCheckpoint() {
        return jdbc.sql("SELECT * FROM ledger_checkpoint ORDER BY tree_size DESC LIMIT 1").query(LedgerStore::checkpoint)
                .optional();
    }

    Optional<Checkpoint> checkpoint(long treeSize) {
        return jdbc.sql("SELECT * FROM ledger_checkpoint WHERE tree_size = ?").param(treeSize).query(LedgerStore::checkpoint)
                .optional();
    }

    List<Checkpoint> checkpoints(long fromSize, int limit) {
        return jdbc.sql("SELECT * FROM ledger_checkpoint WHERE tree_size >= ? ORDER BY tree_size LIMIT ?")
                .params(fromSize, limit).query(LedgerStore::checkpoint).list();
    }

    private static Checkpoint checkpoint(ResultSet rs, int row) throws SQLException {
        return new Checkpoint(rs.getLong("tree_size"), rs.getString("root_hash"), rs.getTimestamp("issued_at").toInstant(),
                rs.getString("signature"));
    }
}
