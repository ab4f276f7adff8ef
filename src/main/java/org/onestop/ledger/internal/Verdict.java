package org.onestop.ledger.internal;

/**
 * What a verification found: all good, or the first bad ledger index and what is wrong there.
 *
 * @param badIndex the first entry found wrong, or {@code -1} when all is good
 * @param pruned entries whose event payloads were pruned: checked by their kept leaf hashes against
 *        the signed checkpoints, not recomputed from their events
 */
public record Verdict(long entries, long checkpoints, long badIndex, String problem, long pruned) {

    static Verdict good(long entries, long checkpoints) {
        return good(entries, checkpoints, 0);
    }

    static Verdict good(long entries, long checkpoints, long pruned) {
        return new Verdict(entries, checkpoints, -1, null, pruned);
    }

    static Verdict bad(long entries, long checkpoints, long index, String problem) {
        return new Verdict(entries, checkpoints, index, problem, 0);
    }

    public boolean ok() {
        return badIndex < 0;
    }

    public String report() {
        String prunedNote = pruned == 0 ? ""
                : " (" + pruned + " of them pruned: payloads removed, checked by their kept leaf hashes)";
        return ok() ? "OK: " + entries + " entries" + prunedNote + " and " + checkpoints + " checkpoints verified"
                : "FAILED at index " + badIndex + ": " + problem + " (" + entries + " entries and " + checkpoints
                        + " checkpoints checked before)";
    }
}
