package org.onestop.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The tree's proofs against an independent reading of RFC 9162: roots and audit paths computed
 * naively from the definition (MTH, PATH, SUBPROOF over the whole leaf list), and the section
 * 2.1.3.2 / 2.1.4.2 verification algorithms written out again here, for trees of 1 to 1,000 leaves
 * (every entry up to 300 leaves, every older size up to 200, the first, the last and a sample beyond).
 */
class MerkleProofTests {

    private static final int MAX = 1000;
    private final List<byte[]> leaves = new ArrayList<>();
    private final List<byte[]> roots = new ArrayList<>();
    private final StoredTree tree = new StoredTree();

    MerkleProofTests() {
        CompactRange range = CompactRange.empty();
        roots.add(sha(new byte[0]));
        for (int i = 0; i < MAX; i++) {
            byte[] leaf = sha(concat(new byte[] {0}, ("entry " + i).getBytes(StandardCharsets.UTF_8)));
            leaves.add(leaf);
            tree.add(0, i, leaf);
            range.append(leaf, subtree -> tree.add(subtree.level(), subtree.index(), subtree.hash()));
            roots.add(range.root());
        }
    }

    @Test
    void the_compact_range_root_is_the_merkle_tree_hash_of_every_prefix() {
        for (int n = 1; n <= MAX; n++) {
            assertThat(roots.get(n)).as("root of %d", n).isEqualTo(mth(0, n));
        }
        assertThat(roots.get(0)).isEqualTo(TreeHashes.empty());
    }

    @Test
    void inclusion_proofs_verify_independently_for_every_entry_of_trees_of_1_to_1000() {
        Random random = new Random(6962);
        for (int n = 1; n <= MAX; n++) {
            for (int m = 0; m < n; m++) {
                if (n > 300 && m != 0 && m != n - 1 && random.nextInt(n) > 40) {
                    continue;
                }
                List<byte[]> path = Proofs.inclusion(m, n, tree);
                if (n <= 64) {
                    assertThat(path).as("path %d of %d", m, n).containsExactlyElementsOf(naivePath(m, 0, n));
                }
                assertThat(verifyInclusion(m, n, leaves.get(m), path, roots.get(n))).as("entry %d of %d", m, n).isTrue();
                assertThat(ProofCheck.inclusion(m, n, leaves.get(m), path, roots.get(n))).isTrue();
            }
        }
    }

    @Test
    void consistency_proofs_verify_independently_between_trees_of_1_to_1000() {
        Random random = new Random(9162);
        for (int n = 1; n <= MAX; n++) {
            for (int m = 1; m <= n; m++) {
                if (n > 200 && m != n && m != 1 && random.nextInt(n) > 40) {
                    continue;
                }
                List<byte[]> proof = Proofs.consistency(m, n, tree);
                if (n <= 64 && m < n) {
                    assertThat(proof).as("proof %d to %d", m, n).containsExactlyElementsOf(naiveSubproof(m, 0, n, true));
                }
                assertThat(verifyConsistency(m, n, roots.get(m), roots.get(n), proof)).as("%d to %d", m, n).isTrue();
                assertThat(ProofCheck.consistency(m, n, roots.get(m), roots.get(n), proof)).isTrue();
            }
        }
    }

    @Test
    void altered_proofs_roots_or_leaves_fail() {
        Random random = new Random(1);
        for (int i = 0; i < 2000; i++) {
            int n = 2 + random.nextInt(MAX - 1);
            int m = random.nextInt(n);
            List<byte[]> path = new ArrayList<>(Proofs.inclusion(m, n, tree));
            assertThat(ProofCheck.inclusion(m, n, leaves.get((m + 1) % n), path, roots.get(n))).isFalse();
            assertThat(ProofCheck.inclusion(m, n, leaves.get(m), path, roots.get(n - 1))).isFalse();
            assertThat(ProofCheck.inclusion(m + 1 == n ? m - 1 : m + 1, n, leaves.get(m), path, roots.get(n))).isFalse();
            flipOne(path, random);
            assertThat(ProofCheck.inclusion(m, n, leaves.get(m), path, roots.get(n))).isFalse();
            assertThat(verifyInclusion(m, n, leaves.get(m), path, roots.get(n))).isFalse();

            int first = 1 + random.nextInt(n - 1);
            List<byte[]> proof = new ArrayList<>(Proofs.consistency(first, n, tree));
            assertThat(ProofCheck.consistency(first, n, roots.get(first), roots.get(n - 1), proof)).isFalse();
            assertThat(ProofCheck.consistency(first, n, flipped(roots.get(first)), roots.get(n), proof)).isFalse();
            flipOne(proof, random);
            assertThat(ProofCheck.consistency(first, n, roots.get(first), roots.get(n), proof)).isFalse();
            assertThat(verifyConsistency(first, n, roots.get(first), roots.get(n), proof)).isFalse();
        }
    }

    @Test
    void the_subtrees_a_proof_reads_are_known_before_it_is_computed() {
        for (int n : new int[] {1, 7, 64, 999, 1000}) {
            for (Proofs.Key key : Proofs.neededForInclusion(n / 2, n)) {
                assertThat(tree.hash(key.level(), key.index())).isNotNull();
            }
        }
        assertThat(Proofs.neededForConsistency(3, 1000)).isNotEmpty();
    }

    private static byte[] flipped(byte[] hash) {
        byte[] changed = hash.clone();
        changed[0] ^= 0x01;
        return changed;
    }

    private static void flipOne(List<byte[]> hashes, Random random) {
        int at = random.nextInt(hashes.size());
        byte[] changed = hashes.get(at).clone();
        changed[random.nextInt(changed.length)] ^= 0x01;
        hashes.set(at, changed);
    }

    // ---- RFC 9162 from its text, apart from the production code ----

    private byte[] mth(int start, int end) {
        int n = end - start;
        if (n == 1) {
            return leaves.get(start);
        }
        int k = Integer.highestOneBit(n - 1);
        return node(mth(start, start + k), mth(start + k, end));
    }

    private List<byte[]> naivePath(int m, int start, int end) {
        int n = end - start;
        List<byte[]> path = new ArrayList<>();
        if (n == 1) {
            return path;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m < k) {
            path.addAll(naivePath(m, start, start + k));
            path.add(mth(start + k, end));
        } else {
            path.addAll(naivePath(m - k, start + k, end));
            path.add(mth(start, start + k));
        }
        return path;
    }

    private List<byte[]> naiveSubproof(int m, int start, int end, boolean b) {
        int n = end - start;
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(mth(start, end));
            }
            return proof;
        }
        int k = Integer.highestOneBit(n - 1);
        if (m <= k) {
            proof.addAll(naiveSubproof(m, start, start + k, b));
            proof.add(mth(start + k, end));
        } else {
            proof.addAll(naiveSubproof(m - k, start + k, end, false));
            proof.add(mth(start, start + k));
        }
        return proof;
    }

    /** RFC 9162 section 2.1.3.2. */
    private static boolean verifyInclusion(long leafIndex, long treeSize, byte[] hash, List<byte[]> inclusionPath, byte[] rootHash) {
        if (leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = hash;
        for (byte[] p : inclusionPath) {
            if (sn == 0) {
                return false;
            }
            if (fn % 2 == 1 || fn == sn) {
                r = node(p, r);
                if (fn % 2 == 0) {
                    do {
                        fn /= 2;
                        sn /= 2;
                    } while (fn % 2 == 0 && fn != 0);
                }
            } else {
                r = node(r, p);
            }
            fn /= 2;
            sn /= 2;
        }
        return sn == 0 && Arrays.equals(r, rootHash);
    }

    /** RFC 9162 section 2.1.4.2. */
    private static boolean verifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash, List<byte[]> path) {
        if (first == second) {
            return path.isEmpty() && Arrays.equals(firstHash, secondHash);
        }
        if (path.isEmpty()) {
            return false;
        }
        List<byte[]> consistencyPath = new ArrayList<>(path);
        if (Long.bitCount(first) == 1) {
            consistencyPath.add(0, firstHash);
        }
        long fn = first - 1;
        long sn = second - 1;
        while (fn % 2 == 1) {
            fn /= 2;
            sn /= 2;
        }
        byte[] fr = consistencyPath.get(0);
        byte[] sr = consistencyPath.get(0);
        for (byte[] c : consistencyPath.subList(1, consistencyPath.size())) {
            if (sn == 0) {
                return false;
            }
            if (fn % 2 == 1 || fn == sn) {
                fr = node(c, fr);
                sr = node(c, sr);
                if (fn % 2 == 0) {
                    while (fn % 2 == 0 && fn != 0) {
                        fn /= 2;
                        sn /= 2;
                    }
                }
            } else {
                sr = node(sr, c);
            }
            fn /= 2;
            sn /= 2;
        }
        return Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash) && sn == 0;
    }

    private static byte[] node(byte[] left, byte[] right) {
        return sha(concat(new byte[] {1}, concat(left, right)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static byte[] sha(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Perfect subtrees in memory, as the appender would store them. */
    private static final class StoredTree implements Proofs.Subtrees {
        private final java.util.Map<Proofs.Key, byte[]> hashes = new java.util.HashMap<>();

        void add(int level, long index, byte[] hash) {
            hashes.put(new Proofs.Key(level, index), hash);
        }

        @Override
        public byte[] hash(int level, long index) {
            return hashes.get(new Proofs.Key(level, index));
        }
    }
}
