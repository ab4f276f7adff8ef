package org.onestop.ledger.internal;

import java.util.List;

import org.onestop.ledger.Checkpoint;
import org.onestop.ledger.ConsistencyProof;
import org.onestop.ledger.InclusionProof;
import org.onestop.ledger.Ledger;
import org.onestop.platform.InvalidInput;
import org.onestop.platform.NotFound;
import org.onestop.platform.Violation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger's public API: checkpoints and proofs, readable by anyone, so that the log can be
 * checked from outside with the published keys. Only hashes leave here, never event contents.
 */
@RestController
final class LedgerApi {

    static final int MAX_CHECKPOINTS = 1000;

    private final Ledger ledger;

    LedgerApi(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/api/v1/ledger/checkpoints/latest")
    Checkpoint latest() {
        return ledger.latestCheckpoint().orElseThrow(() -> new NotFound("No checkpoint yet"));
    }

    @GetMapping("/api/v1/ledger/checkpoints/{treeSize}")
    Checkpoint bySize(@PathVariable long treeSize) {
        return ledger.checkpoint(treeSize).orElseThrow(() -> new NotFound("No checkpoint of tree size " + treeSize));
    }

    @GetMapping("/api/v1/ledger/checkpoints")
    List<Checkpoint> list(@RequestParam(name = "from", defaultValue = "1") long from,
            @RequestParam(name = "limit", defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_CHECKPOINTS) {
            throw new InvalidInput("Invalid limit", List.of(new Violation("limit", "must be between 1 and " + MAX_CHECKPOINTS)));
        }
        return ledger.checkpoints(from, limit);
    }

    /** Against the given checkpoint, or the latest one. */
    @GetMapping("/api/v1/ledger/entries/{index}/inclusion")
    InclusionProof inclusion(@PathVariable long index, @RequestParam(name = "treeSize", required = false) Long treeSize) {
        long size = treeSize != null ? treeSize : latest().treeSize();
        return ledger.inclusion(index, size);
    }

    @GetMapping("/api/v1/ledger/consistency")
    ConsistencyProof consistency(@RequestParam(name = "first") long first, @RequestParam(name = "second") long second) {
        return ledger.consistency(first, second);
    }
}
