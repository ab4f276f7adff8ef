package org.onestop.ledger.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.onestop.ledger.Checkpoint;
import org.onestop.ledger.internal.CompactRange.Subtree;
import org.onestop.ledger.internal.LeafContent.EventRow;
import org.onestop.ledger.internal.Proofs.Key;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The single appender: drains the queue in batches, each in one transaction under the state row's
 * lock, giving every event the next index, storing its leaf and the subtrees it completes, and
 * signing a checkpoint when the last one is older than the interval or enough entries behind.
 * While the queue stays full, batches grow (up to {@code max-batch-size}), so a backlog costs
 * fewer transactions, locks and checkpoints per entry.
 */
@Component
final class Appending {

    private final LedgerStore store;
    private final CheckpointSigner signer;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;
    private final int maxBatchSize;
    private final Duration checkpointInterval;
    private final long checkpointEntries;
    private final boolean enabled;

    Appending(LedgerStore store, CheckpointSigner signer, PlatformTransactionManager transactionManager, Clock clock,
            @Value("${onestop.ledger.batch-size:500}") int batchSize,
            @Value("${onestop.ledger.max-batch-size:5000}") int maxBatchSize,
            @Value("${onestop.ledger.checkpoint-interval:PT1S}") Duration checkpointInterval,
            @Value("${onestop.ledger.checkpoint-entries:1000}") long checkpointEntries,
            @Value("${onestop.ledger.appending:true}") boolean enabled) {
        this.store = store;
        this.signer = signer;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.batchSize = batchSize;
        this.maxBatchSize = Math.max(batchSize, maxBatchSize);
        this.checkpointInterval = checkpointInterval;
        this.checkpointEntries = checkpointEntries;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${onestop.ledger.append-delay-ms:100}", initialDelayString = "${onestop.ledger.append-delay-ms:100}")
    void tick() {
        if (enabled) {
            catchUp();
        }
    }

    /** Appends until the queue is empty; returns the tree size. */
    long catchUp() {
        int limit = batchSize;
        while (true) {
            int batchLimit = limit;
            Batch batch = committed(transactions.execute(status -> appendBatch(false, batchLimit)));
            if (batch.appended() < limit) {
                return batch.size();
            }
            limit = Math.min(limit * 2, maxBatchSize);
        }
    }

    Checkpoint checkpointNow() {
        catchUp();
        return committed(transactions.execute(status -> appendBatch(true, batchSize))).checkpoint();
    }

    /**
     * The frontier after the last batch this node committed. When the locked size is still its
     * size, no other node appended in between and the frontier need not be read again.
     */
    private volatile CompactRange lastFrontier;

    private Batch committed(Batch batch) {
        lastFrontier = batch.range();
        return batch;
    }

    private record Batch(int appended, long size, Checkpoint checkpoint, CompactRange range) {
    }

    private Batch appendBatch(boolean forceCheckpoint, int limit) {
        long size = store.lockTreeSize();
        List<EventRow> events = store.queued(limit);
        Optional<Checkpoint> last = store.latestCheckpoint();
        long lastSize = last.map(Checkpoint::treeSize).orElse(0L);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean due = size + events.size() > lastSize && (forceCheckpoint
                || size + events.size() - lastSize >= checkpointEntries
                || last.map(c -> !c.issuedAt().plus(checkpointInterval).isAfter(now)).orElse(true));
        if (events.isEmpty() && !due) {
            return new Batch(0, size, last.orElse(null), lastFrontier);
        }
        CompactRange range = resume(size);
        List<LedgerStore.Leaf> leaves = new ArrayList<>(events.size());
        List<Subtree> completed = new ArrayList<>();
        List<UUID> drained = new ArrayList<>(events.size());
        for (EventRow event : events) {
            byte[] leaf = LeafContent.leafHash(event);
            leaves.add(new LedgerStore.Leaf(range.size(), event.id(), leaf));
            range.append(leaf, completed::add);
            drained.add(event.id());
        }
        if (!events.isEmpty()) {
            store.insertLeaves(leaves);
            store.insertSubtrees(completed);
            store.dequeue(drained);
            store.setTreeSize(range.size());
        }
        Checkpoint checkpoint = last.orElse(null);
        if (due) {
            checkpoint = signer.sign(range.size(), range.root(), now);
            store.insertCheckpoint(checkpoint);
        }
        return new Batch(events.size(), range.size(), checkpoint, CompactRange.resume(range.size(), range.frontier()));
    }

    private CompactRange resume(long size) {
        CompactRange known = lastFrontier;
        if (known != null && known.size() == size) {
            return CompactRange.resume(size, known.frontier());
        }
        List<Subtree> positions = CompactRange.frontierOf(size);
        Map<Key, byte[]> hashes = store.hashes(positions.stream().map(s -> new Key(s.level(), s.index())).toList());
        List<Subtree> frontier = positions.stream()
                .map(s -> new Subtree(s.level(), s.index(), hashes.get(new Key(s.level(), s.index()))))
                .toList();
        if (frontier.stream().anyMatch(s -> s.hash() == null)) {
            throw new LedgerBroken("the stored frontier of a tree of " + size + " entries is incomplete");
        }
        return CompactRange.resume(size, frontier);
    }
}
