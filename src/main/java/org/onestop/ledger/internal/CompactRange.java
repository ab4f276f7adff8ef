package org.onestop.ledger.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The right frontier of a growing tree: the roots of its perfect subtrees, largest first (one per
 * set bit of the size). Appending a leaf merges equal-sized subtrees, so it costs O(log n) hashes
 * and needs nothing else of the tree; the root folds the frontier from the right.
 */
public final class CompactRange {

    /** A perfect subtree: {@code index} counts subtrees of {@code 2^level} leaves from the left. */
    public record Subtree(int level, long index, byte[] hash) {
    }

    /** Receives each subtree completed by an append (levels 1 and up), e.g. to store it. */
    @FunctionalInterface
    public interface Completed {
        void subtree(Subtree subtree);
    }

    private final List<Subtree> frontier;
    private long size;

    private CompactRange(long size, List<Subtree> frontier) {
        this.size = size;
        this.frontier = frontier;
    }

    public static CompactRange empty() {
        return new CompactRange(0, new ArrayList<>());
    }

    /** Resumes a tree of {@code size} leaves from its frontier (as listed by {@link #frontierOf(long)}, with hashes). */
    public static CompactRange resume(long size, List<Subtree> frontier) {
        List<Subtree> expected = frontierOf(size);
        if (expected.size() != frontier.size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + expected.size() + " frontier subtrees");
        }
        return new CompactRange(size, new ArrayList<>(frontier));
    }

    /** The positions (without hashes) of the frontier subtrees of a tree of {@code size} leaves. */
    public static List<Subtree> frontierOf(long size) {
        List<Subtree> positions = new ArrayList<>();
        long start = 0;
        for (int level = 63 - Long.numberOfLeadingZeros(Math.max(size, 1)); level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                positions.add(new Subtree(level, start >>> level, null));
                start += 1L << level;
            }
        }
        return positions;
    }

    public void append(byte[] leafHash, Completed completed) {
        Subtree top = new Subtree(0, size, leafHash);
        while (!frontier.isEmpty() && frontier.get(frontier.size() - 1).level() == top.level()) {
            Subtree left = frontier.remove(frontier.size() - 1);
            top = new Subtree(top.level() + 1, left.index() >>> 1, TreeHashes.node(left.hash(), top.hash()));
            completed.subtree(top);
        }
        frontier.add(top);
        size++;
    }

    public void append(byte[] leafHash) {
        append(leafHash, subtree -> { });
    }

    public long size() {
        return size;
    }

    /** The frontier subtrees with their hashes, largest first: what {@link #resume} takes. */
    public List<Subtree> frontier() {
        return List.copyOf(frontier);
    }

    public byte[] root() {
        if (frontier.isEmpty()) {
            return TreeHashes.empty();
        }
        byte[] root = frontier.get(frontier.size() - 1).hash();
        for (int i = frontier.size() - 2; i >= 0; i--) {
            root = TreeHashes.node(frontier.get(i).hash(), root);
        }
        return root;
    }
}
