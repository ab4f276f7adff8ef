/**
 * The ledger: every event becomes a leaf of an append-only Merkle tree (RFC 9162) with signed
 * checkpoints, inclusion and consistency proofs, a verifier, and the uses of each application's data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
package org.onestop.ledger;
