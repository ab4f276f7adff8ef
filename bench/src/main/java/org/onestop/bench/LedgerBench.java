package org.onestop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.onestop.ledger.internal.CompactRange;
import org.onestop.ledger.internal.LeafContent;
import org.onestop.ledger.internal.LeafContent.EventRow;
import org.onestop.ledger.internal.ProofCheck;
import org.onestop.ledger.internal.Proofs;
import org.onestop.ledger.internal.TreeHashes;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * The ledger's speed, in three parts.
 *
 * <pre>java -cp bench/target/onestop-bench.jar org.onestop.bench.LedgerBench verify [--entries 1000000] [--checkpoint-every 1000]
 * java -cp bench/target/onestop-bench.jar org.onestop.bench.LedgerBench proofs [--entries 1000000] [--proofs 100000]
 * java -cp bench/target/onestop-bench.jar org.onestop.bench.LedgerBench watch --url http://localhost:8080 [--seconds 60] [--proofs 2000]</pre>
 *
 * {@code verify} runs the verifier's per-entry work (canonical JSON of the event, leaf hash, compact
 * range append, root and checkpoint signature check at each checkpoint) over generated events in
 * memory. {@code proofs} times proof generation and checking over stored subtrees in memory.
 * {@code watch} follows a running platform while a load runs: entries/s from the latest
 * checkpoint once a second, then inclusion proof latency over HTTP.
 */
public final class LedgerBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String mode = args.length == 0 ? "verify" : args[0];
        switch (mode) {
            case "verify" -> verify(Integer.parseInt(options.getOrDefault("entries", "1000000")),
                    Integer.parseInt(options.getOrDefault("checkpoint-every", "1000")));
            case "proofs" -> proofs(Integer.parseInt(options.getOrDefault("entries", "1000000")),
                    Integer.parseInt(options.getOrDefault("proofs", "100000")));
            case "watch" -> watch(options.getOrDefault("url", "http://localhost:8080"),
                    Integer.parseInt(options.getOrDefault("seconds", "60")), Integer.parseInt(options.getOrDefault("proofs", "2000")));
            default -> System.err.println("modes: verify, proofs, watch");
        }
    }

    private static EventRow event(long i, Instant at) {
        UUID caseId = new UUID(0x0190_0000_0000_7000L | (i / 10), 0x8000_0000_0000_0000L | i);
        return new EventRow(new UUID(0x0190_0000_0000_7000L | i, 0x8000_0000_0000_0000L | (i * 31)), at.plusMillis(i),
                i % 3 == 0 ? "delivery-created" : "step-completed", caseId, caseId, "register-company", "business-registry",
                null, "platform", "{\"delivery\":\"" + UUID.nameUUIDFromBytes(Long.toString(i).getBytes(StandardCharsets.UTF_8))
                        + "\",\"mode\":\"push\",\"fields\":[\"business.name\",\"business.address.postcode\"],"
                        + "\"agreement\":\"registry-registration\",\"legalBasis\":\"Companies Act, section 12\"}");
    }

    static void verify(int entries, int checkpointEvery) throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        // checkpoints as the platform signs them (ES256), prepared before the clock starts
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("bench").generate();
        CompactRange reference = CompactRange.empty();
        List<String> checkpoints = new ArrayList<>();
        for (long i = 0; i < entries; i++) {
            reference.append(LeafContent.leafHash(event(i, start)));
            if (reference.size() % checkpointEvery == 0 || reference.size() == entries) {
                JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("bench").build(),
                        new Payload("{\"rootHash\":\"" + TreeHashes.hex(reference.root()) + "\",\"treeSize\":" + reference.size() + "}"));
                jws.sign(new ECDSASigner(key));
                checkpoints.add(jws.serialize());
            }
        }
        ECDSAVerifier verifier = new ECDSAVerifier(key.toECPublicKey());
        for (int round = 0; round < 3; round++) {
            long began = System.nanoTime();
            CompactRange range = CompactRange.empty();
            int next = 0;
            for (long i = 0; i < entries; i++) {
                range.append(LeafContent.leafHash(event(i, start)));
                if (range.size() % checkpointEvery == 0 || range.size() == entries) {
                    JWSObject jws = JWSObject.parse(checkpoints.get(next++));
                    if (!jws.verify(verifier) || !jws.getPayload().toString().contains(TreeHashes.hex(range.root()))) {
                        throw new IllegalStateException("checkpoint at " + range.size() + " does not verify");
                    }
                }
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf("verify round %d: %,d entries and %,d checkpoints in %.2f s (%,.0f entries/s)%n", round + 1, entries,
                    next, seconds, entries / seconds);
        }
    }

    static void proofs(int entries, int count) {
        Map<Proofs.Key, byte[]> stored = new HashMap<>();
        CompactRange range = CompactRange.empty();
        for (long i = 0; i < entries; i++) {
            byte[] leaf = TreeHashes.leaf(Long.toString(i).getBytes(StandardCharsets.UTF_8));
            stored.put(new Proofs.Key(0, i), leaf);
            range.append(leaf, subtree -> stored.put(new Proofs.Key(subtree.level(), subtree.index()), subtree.hash()));
        }
        byte[] root = range.root();
        Proofs.Subtrees subtrees = (level, index) -> stored.get(new Proofs.Key(level, index));
        for (int round = 0; round < 2; round++) {
            Histogram histogram = new Histogram(3_600_000_000L, 3);
            for (int i = 0; i < count; i++) {
                long index = ThreadLocalRandom.current().nextLong(entries);
                long began = System.nanoTime();
                List<byte[]> path = Proofs.inclusion(index, entries, subtrees);
                if (!ProofCheck.inclusion(index, entries, stored.get(new Proofs.Key(0, index)), path, root)) {
                    throw new IllegalStateException("proof of " + index + " does not check");
                }
                histogram.recordValue((System.nanoTime() - began) / 1000);
            }
            System.out.printf("in-memory inclusion proof + check, tree of %,d: p50 %d µs, p99 %d µs, max %d µs%n", entries,
                    histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99), histogram.getMaxValue());
        }
    }

    static void watch(String url, int seconds, int proofs) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long firstSize = -1;
        long lastSize = -1;
        long began = System.nanoTime();
        for (int s = 0; s <= seconds; s++) {
            long size = treeSize(http, url);
            if (firstSize < 0) {
                firstSize = size;
            }
            System.out.printf("t=%3ds tree size %,d (+%,d)%n", s, size, lastSize < 0 ? 0 : size - lastSize);
            lastSize = size;
            Thread.sleep(Math.max(0, began / 1_000_000 + (s + 1) * 1000L - System.nanoTime() / 1_000_000));
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        System.out.printf("appended %,d entries in %.1f s: %,.0f entries/s%n", lastSize - firstSize, elapsed,
                (lastSize - firstSize) / elapsed);
        long size = treeSize(http, url);
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        for (int i = 0; i < proofs; i++) {
            long index = ThreadLocalRandom.current().nextLong(size);
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(url + "/api/v1/ledger/entries/" + index + "/inclusion?treeSize=" + size)).build(),
                    HttpResponse.BodyHandlers.ofString());
            histogram.recordValue((System.nanoTime() - start) / 1000);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("proof of " + index + ": " + response.statusCode() + " " + response.body());
            }
        }
        System.out.printf("inclusion proofs over HTTP, tree of %,d: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", size,
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(90) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0);
    }

    private static long treeSize(HttpClient http, String url) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/ledger/checkpoints/latest")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher size = Pattern.compile("\"treeSize\"\\s*:\\s*(\\d+)").matcher(body);
        return size.find() ? Long.parseLong(size.group(1)) : 0;
    }
}
