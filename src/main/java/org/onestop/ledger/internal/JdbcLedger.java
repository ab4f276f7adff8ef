package org.onestop.ledger.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.onestop.ledger.Checkpoint;
import org.onestop.ledger.ConsistencyProof;
import org.onestop.ledger.InclusionProof;
import org.onestop.ledger.Ledger;
import org.onestop.ledger.internal.Proofs.Key;
import org.onestop.platform.NotFound;
import org.springframework.stereotype.Component;

/**
 * Proofs come from the stored subtrees: the few hashes a proof needs are read in one query. What
 * never changes once written is kept in memory: checkpoints, and the hashes of stored subtrees
 * (the upper levels are on every proof's path, so after a few proofs only the lower ones are read).
 */
@Component
final class JdbcLedger implements Ledger {

    private static final int CHECKPOINTS_KEPT = 10_000;
    /** About 150 bytes each: some 15 MB at most, all the interior nodes of a tree of 100,000 entries. */
    private static final int SUBTREES_KEPT = 100_000;

    private final LedgerStore store;
    private final Map<Long, Checkpoint> checkpoints = new ConcurrentHashMap<>();
    private final Map<Key, byte[]> subtrees = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, byte[]> eldest) {
            return size() > SUBTREES_KEPT;
        }
    });
    private final Appending appending;

    JdbcLedger(LedgerStore store, Appending appending) {
        this.store = store;
        this.appending = appending;
    }

    @Override
    public long catchUp() {
        return appending.catchUp();
    }

    @Override
    public Checkpoint checkpointNow() {
        return appending.checkpointNow();
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        return store.latestCheckpoint();
    }

    @Override
    public Optional<Checkpoint> checkpoint(long treeSize) {
        Checkpoint known = checkpoints.get(treeSize);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Checkpoint> found = store.checkpoint(treeSize);
        // a checkpoint, once issued, stays as it is: later requests need not ask again
        found.ifPresent(checkpoint -> {
            if (checkpoints.size() >= CHECKPOINTS_KEPT) {
                checkpoints.clear();
            }
            checkpoints.put(treeSize, checkpoint);
        });
        return found;
    }

    @Override
    public List<Checkpoint> checkpoints(long fromSize, int limit) {
        return store.checkpoints(fromSize, limit);
    }

    @Override
    public InclusionProof inclusion(long index, long treeSize) {
        requireCheckpoint(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new NotFound("No entry " + index + " in the tree of " + treeSize + " entries");
        }
        Set<Key> needed = new LinkedHashSet<>(Proofs.neededForInclusion(index, treeSize));
        needed.add(new Key(0, index));
        Proofs.Subtrees subtrees = fetch(needed);
        List<String> path = Proofs.inclusion(index, treeSize, subtrees).stream().map(TreeHashes::hex).toList();
        return new InclusionProof(index, treeSize, TreeHashes.hex(subtrees.hash(0, index)), path);
    }

    @Override
    public ConsistencyProof consistency(long first, long second) {
        requireCheckpoint(first);
        requireCheckpoint(second);
        if (first > second) {
            throw new NotFound("No consistency proof from a larger tree (" + first + ") to a smaller one (" + second + ")");
        }
        List<String> path = Proofs.consistency(first, second, fetch(Proofs.neededForConsistency(first, second))).stream()
                .map(TreeHashes::hex).toList();
        return new ConsistencyProof(first, second, path);
    }

    private void requireCheckpoint(long treeSize) {
        if (treeSize < 1 || checkpoint(treeSize).isEmpty()) {
            throw new NotFound("No checkpoint of tree size " + treeSize);
        }
    }

    private Proofs.Subtrees fetch(Set<Key> keys) {
        Map<Key, byte[]> hashes = new HashMap<>();
        List<Key> missing = new ArrayList<>();
        for (Key key : keys) {
            byte[] known = key.level() > 0 ? subtrees.get(key) : null;
            if (known != null) {
                hashes.put(key, known);
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            Map<Key, byte[]> read = store.hashes(missing);
            hashes.putAll(read);
            // interior subtrees are written once, when complete, and never change; a leaf's hash is
            // read from its row every time, so a proof always shows what the ledger holds for it
            read.forEach((key, hash) -> {
                if (key.level() > 0) {
                    subtrees.put(key, hash);
                }
            });
        }
        return (level, index) -> {
            byte[] hash = hashes.get(new Key(level, index));
            if (hash == null) {
                throw new LedgerBroken("subtree " + level + "/" + index + " is missing from the ledger");
            }
            return hash;
        };
    }
}
