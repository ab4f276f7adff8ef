package org.onestop.ledger;

import java.util.List;

/** RFC 9162 consistency proof: the tree of {@code first} entries is a prefix of the tree of {@code second}. */
public record ConsistencyProof(long first, long second, List<String> path) {
}
