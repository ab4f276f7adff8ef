package org.onestop.ledger;

import java.time.Instant;

/**
 * A signed tree head: the ledger had {@code treeSize} entries with this root hash (hex) at this time.
 * {@code signature} is a compact JWS by the platform key whose payload is the JCS JSON object
 * with the members issuedAt, rootHash and treeSize; its {@code kid} names the key in the published JWK set.
 */
public record Checkpoint(long treeSize, String rootHash, Instant issuedAt, String signature) {
}
