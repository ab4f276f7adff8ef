package org.onestop.ledger.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Inclusion and consistency proofs of RFC 9162 (sections 2.1.3.1 and 2.1.4.1), computed from the
 * hashes of perfect subtrees. Every range the RFC's recursion splits starts at a multiple of its
 * largest power of two, so each MTH it needs is one stored subtree or a fold of a few.
 */
public final class Proofs {

    /** The hash of the perfect subtree covering the {@code 2^level} leaves from {@code index * 2^level} on. */
    @FunctionalInterface
    public interface Subtrees {
        byte[] hash(int level, long index);
    }

    private static final byte[] PLACEHOLDER = new byte[32];

    private Proofs() {
    }

    /** The subtrees an inclusion proof reads, so that a database can fetch them in one query. */
    public static Set<Key> neededForInclusion(long index, long size) {
        Recorder recorder = new Recorder();
        inclusion(index, size, recorder);
        return recorder.keys;
    }

    public static Set<Key> neededForConsistency(long first, long second) {
        Recorder recorder = new Recorder();
        consistency(first, second, recorder);
        return recorder.keys;
    }

    /** Identifies a perfect subtree. */
    public record Key(int level, long index) {
    }

    /** PATH(m, D_n): the audit path of leaf {@code index} in the tree of {@code size} leaves. */
    public static List<byte[]> inclusion(long index, long size, Subtrees subtrees) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is not in a tree of " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(index, 0, size, subtrees, path);
        return path;
    }

    /** PROOF(m, D_n): proves that the tree of {@code first} leaves is a prefix of the tree of {@code second}. */
    public static List<byte[]> consistency(long first, long second, Subtrees subtrees) {
        if (first < 1 || first > second) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first < second) {
            subproof(first, 0, second, true, subtrees, proof);
        }
        return proof;
    }

    /** MTH of the leaves from start (included) to end (excluded), a range that starts at a multiple of its largest power of two. */
    public static byte[] root(long start, long end, Subtrees subtrees) {
        long n = end - start;
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            return subtrees.hash(level, start >>> level);
        }
        long k = Long.highestOneBit(n - 1);
        return TreeHashes.node(root(start, start + k, subtrees), root(start + k, end, subtrees));
    }

    private static void path(long m, long start, long end, Subtrees subtrees, List<byte[]> path) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(m, start, start + k, subtrees, path);
            path.add(root(start + k, end, subtrees));
        } else {
            path(m - k, start + k, end, subtrees, path);
            path.add(root(start, start + k, subtrees));
        }
    }

    private static void subproof(long m, long start, long end, boolean whole, Subtrees subtrees, List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(root(start, end, subtrees));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, start, start + k, whole, subtrees, proof);
            proof.add(root(start + k, end, subtrees));
        } else {
            subproof(m - k, start + k, end, false, subtrees, proof);
            proof.add(root(start, start + k, subtrees));
        }
    }

    private static final class Recorder implements Subtrees {
        private final Set<Key> keys = new LinkedHashSet<>();

        @Override
        public byte[] hash(int level, long index) {
            keys.add(new Key(level, index));
            return PLACEHOLDER;
        }
    }
}
