package org.onestop.ledger;

import java.util.List;

/** RFC 9162 inclusion proof: the audit path (hex hashes) of entry {@code index} in the tree of {@code treeSize}. */
public record InclusionProof(long index, long treeSize, String leafHash, List<String> path) {
}
