package org.onestop.ledger.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWKSet;
import org.onestop.ledger.Checkpoint;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ledger verify --remote URL}: checks a running platform from outside, with nothing but its
 * public API and its published keys: every checkpoint's signature, the consistency of each
 * checkpoint with the one before (so history was only ever appended to), and inclusion proofs of
 * a spread of entries in the latest checkpoint.
 */
public final class RemoteVerification {

    static final int SAMPLED_ENTRIES = 64;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    public RemoteVerification(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Verifies and prints the verdict; returns the exit code: 0 good, 1 something wrong, 2 unreadable. */
    public static int run(String url) {
        try {
            Verdict verdict = new RemoteVerification(url).verify();
            (verdict.ok() ? System.out : System.err).println(verdict.report());
            return verdict.ok() ? 0 : 1;
        } catch (RemoteRefused | IllegalArgumentException e) {
            System.err.println("cannot verify " + url + ": " + e.getMessage());
            return 2;
        }
    }

    public Verdict verify() {
        JWKSet keys;
        try {
            keys = JWKSet.parse(get("/.well-known/jwks.json"));
        } catch (ParseException e) {
            return Verdict.bad(0, 0, 0, "the published key set does not parse: " + e.getMessage());
        }
        Checkpoint previous = null;
        long checked = 0;
        long from = 1;
        while (true) {
            JsonNode page = JSON.readTree(get("/api/v1/ledger/checkpoints?from=" + from + "&limit=" + LedgerApi.MAX_CHECKPOINTS));
            for (JsonNode node : page) {
                Checkpoint checkpoint = checkpoint(node);
                long firstInDoubt = previous == null ? 0 : previous.treeSize();
                Optional<String> problem = CheckpointCheck.problem(checkpoint, keys);
                if (problem.isEmpty() && previous != null && !consistent(previous, checkpoint)) {
                    problem = Optional.of("checkpoint of tree size " + checkpoint.treeSize()
                            + " is not consistent with the checkpoint of tree size " + previous.treeSize());
                }
                if (problem.isPresent()) {
                    return Verdict.bad(firstInDoubt, checked, firstInDoubt, problem.get());
                }
                previous = checkpoint;
                checked++;
            }
            if (page.size() < LedgerApi.MAX_CHECKPOINTS) {
                break;
            }
            from = previous.treeSize() + 1;
        }
        if (previous == null) {
            return Verdict.good(0, 0);
        }
        for (long index : sample(previous.treeSize())) {
            JsonNode proof = JSON.readTree(get("/api/v1/ledger/entries/" + index + "/inclusion?treeSize=" + previous.treeSize()));
            if (!ProofCheck.inclusion(index, previous.treeSize(), TreeHashes.fromHex(proof.path("leafHash").asString()),
                    hashes(proof.path("path")), TreeHashes.fromHex(previous.rootHash()))) {
                return Verdict.bad(previous.treeSize(), checked, index, "the inclusion proof of entry " + index
                        + " does not lead to the root of the checkpoint of tree size " + previous.treeSize());
            }
        }
        return Verdict.good(previous.treeSize(), checked);
    }

    private boolean consistent(Checkpoint first, Checkpoint second) {
        JsonNode proof = JSON.readTree(get("/api/v1/ledger/consistency?first=" + first.treeSize() + "&second=" + second.treeSize()));
        return ProofCheck.consistency(first.treeSize(), second.treeSize(), TreeHashes.fromHex(first.rootHash()),
                TreeHashes.fromHex(second.rootHash()), hashes(proof.path("path")));
    }

    /** The first and last entries and an even spread between them. */
    static List<Long> sample(long size) {
        List<Long> indexes = new ArrayList<>();
        long step = Math.max(1, size / SAMPLED_ENTRIES);
        for (long i = 0; i < size; i += step) {
            indexes.add(i);
        }
        if (indexes.get(indexes.size() - 1) != size - 1) {
            indexes.add(size - 1);
        }
        return indexes;
    }

    private static Checkpoint checkpoint(JsonNode node) {
        return new Checkpoint(node.path("treeSize").asLong(), node.path("rootHash").asString(),
                Instant.parse(node.path("issuedAt").asString()), node.path("signature").asString());
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(TreeHashes.fromHex(hash.asString())));
        return hashes;
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new RemoteRefused(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new RemoteRefused(path + " could not be read: " + reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteRefused("interrupted while reading " + path);
        }
    }

    /** The platform could not be read; not a verdict on its ledger. */
    public static final class RemoteRefused extends RuntimeException {
        RemoteRefused(String message) {
            super(message);
        }
    }
}
