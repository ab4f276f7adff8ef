package org.onestop.ledger;

import java.util.List;
import java.util.Optional;

/**
 * The tamper-evident log: every event a leaf of a Merkle tree (RFC 9162), the tree's heads signed
 * as checkpoints, and proofs that anyone can check against them.
 */
public interface Ledger {

    /** Appends every queued event now (the appender also does so on its own); returns the tree size. */
    long catchUp();

    /** Catches up and signs a checkpoint of the current tree if it has grown since the last one. */
    Checkpoint checkpointNow();

    Optional<Checkpoint> latestCheckpoint();

    Optional<Checkpoint> checkpoint(long treeSize);

    /** Checkpoints with a tree size of at least {@code fromSize}, smallest first. */
    List<Checkpoint> checkpoints(long fromSize, int limit);

    InclusionProof inclusion(long index, long treeSize);

    ConsistencyProof consistency(long first, long second);
}
