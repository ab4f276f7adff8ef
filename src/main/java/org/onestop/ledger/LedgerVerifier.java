package org.onestop.ledger;

import org.onestop.ledger.internal.RemoteVerification;

/** The outside verifier, for the command line: needs only the platform's public address. */
public final class LedgerVerifier {

    private LedgerVerifier() {
    }

    /** Verifies a running platform's ledger through its public API; prints the verdict, returns the exit code. */
    public static int remote(String baseUrl) {
        return RemoteVerification.run(baseUrl);
    }
}
