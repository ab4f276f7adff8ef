package org.onestop.ledger.internal;

/** The ledger's own tables contradict each other; appending stops rather than build on them. */
final class LedgerBroken extends RuntimeException {

    LedgerBroken(String message) {
        super(message);
    }
}
