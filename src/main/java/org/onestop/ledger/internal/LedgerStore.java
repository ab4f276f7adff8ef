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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger's tables: queue, state (the lock), leaves, stored subtrees and checkpoints. */
@Repository
class LedgerStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    LedgerStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
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

    void dequeue(List<UUID> eventIds) {
        template.batchUpdate("DELETE FROM ledger_queue WHERE event_id = ?", eventIds, eventIds.size(),
                (statement, id) -> statement.setObject(1, id));
    }

    record Leaf(long index, UUID eventId, byte[] hash) {
    }

    void insertLeaves(List<Leaf> leaves) {
        template.batchUpdate("INSERT INTO ledger_leaf (entry_index, event_id, leaf_hash) VALUES (?, ?, ?)", leaves, leaves.size(),
                (statement, leaf) -> {
                    statement.setLong(1, leaf.index());
                    statement.setObject(2, leaf.eventId());
                    statement.setString(3, TreeHashes.hex(leaf.hash()));
                });
    }

    void insertSubtrees(List<Subtree> subtrees) {
        template.batchUpdate("INSERT INTO ledger_node (node_level, node_index, hash) VALUES (?, ?, ?)", subtrees, subtrees.size(),
                (statement, subtree) -> {
                    statement.setInt(1, subtree.level());
                    statement.setLong(2, subtree.index());
                    statement.setString(3, TreeHashes.hex(subtree.hash()));
                });
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
