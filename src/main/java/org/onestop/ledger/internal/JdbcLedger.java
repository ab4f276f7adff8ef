package org.onestop.ledger.internal;

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

/** Proofs come from the stored subtrees: the few hashes a proof needs are read in at most two queries. */
@Component
final class JdbcLedger implements Ledger {

    private static final int KNOWN_CHECKPOINTS_KEPT = 10_000;

    private final LedgerStore store;
    private final Set<Long> knownCheckpoints = ConcurrentHashMap.newKeySet();
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
        return store.checkpoint(treeSize);
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
        if (knownCheckpoints.contains(treeSize)) {
            return;
        }
        if (treeSize < 1 || store.checkpoint(treeSize).isEmpty()) {
            throw new NotFound("No checkpoint of tree size " + treeSize);
        }
        // a checkpoint, once issued, stays: proofs against it need not ask again
        if (knownCheckpoints.size() >= KNOWN_CHECKPOINTS_KEPT) {
            knownCheckpoints.clear();
        }
        knownCheckpoints.add(treeSize);
    }

    private Proofs.Subtrees fetch(Set<Key> keys) {
        Map<Key, byte[]> hashes = store.hashes(keys);
        return (level, index) -> {
            byte[] hash = hashes.get(new Key(level, index));
            if (hash == null) {
                throw new LedgerBroken("subtree " + level + "/" + index + " is missing from the ledger");
            }
            return hash;
        };
    }
}
