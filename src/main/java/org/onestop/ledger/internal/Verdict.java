package org.onestop.ledger.internal;

/**
 * What a verification found: all good, or the first bad ledger index and what is wrong there.
 *
 * @param badIndex the first entry found wrong, or {@code -1} when all is good
 */
public record Verdict(long entries, long checkpoints, long badIndex, String problem) {

    static Verdict good(long entries, long checkpoints) {
        return new Verdict(entries, checkpoints, -1, null);
    }

    static Verdict bad(long entries, long checkpoints, long index, String problem) {
        return new Verdict(entries, checkpoints, index, problem);
    }

    public boolean ok() {
        return badIndex < 0;
    }

    public String report() {
        return ok() ? "OK: " + entries + " entries and " + checkpoints + " checkpoints verified"
                : "FAILED at index " + badIndex + ": " + problem + " (" + entries + " entries and " + checkpoints
                        + " checkpoints checked before)";
    }
}
