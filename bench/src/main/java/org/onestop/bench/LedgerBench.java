package org.onestop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * The ledger's speed, in five parts.
 *
 * <pre>java -cp bench/target/onestop-bench.jar org.onestop.bench.LedgerBench verify [--entries 1000000] [--checkpoint-every 1000]
 * java -cp bench/target/onestop-bench.jar org.onestop.bench.LedgerBench proofs [--entries 1000000] [--proofs 100000]
 * java -cp bench/target/onestop-bench.jar org.onestop.bench.LedgerBench watch --url http://localhost:8080 [--seconds 60] [--proofs 2000] [--clients 1] [--rate 0] [--client blocking|jdk]
 * java -cp bench/target/onestop-bench.jar org.onestop.bench.LedgerBench append --db JDBC_URL [--user postgres] [--events 100000]
 * java -cp bench/target/onestop-bench.jar org.onestop.bench.LedgerBench lag --db JDBC_URL [--user postgres] [--seconds 60]</pre>
 *
 * {@code verify} runs the verifier's per-entry work (canonical JSON of the event, leaf hash, compact
 * range append, root and checkpoint signature check at each checkpoint) over generated events in
 * memory. {@code proofs} times proof generation and checking over stored subtrees in memory.
 * {@code watch} follows a running platform while a load runs: entries/s from the latest
 * checkpoint once a second, then inclusion proof latency over HTTP: as fast as the clients go, or
 * with {@code --rate} at that many proofs a second (open loop: each proof's time counts from when it
 * was due, so a slow answer also counts against those queued behind it); each client a blocking
 * HttpURLConnection on its own thread, or with {@code --client jdk} the JDK's HttpClient, whose
 * hand-offs between its own threads add to every time measured. {@code append} writes events
 * and their queue rows straight into a running platform's database, in one transaction, and times
 * how long the platform's appender takes to drain them: its capacity in entries/s, apart from the
 * cost of making the events. {@code lag} samples the queue and the tree once a second while some
 * other load runs: how far the appender is behind.
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
                    Integer.parseInt(options.getOrDefault("seconds", "60")), Integer.parseInt(options.getOrDefault("proofs", "2000")),
                    Integer.parseInt(options.getOrDefault("clients", "1")), Double.parseDouble(options.getOrDefault("rate", "0")),
                    options.getOrDefault("client", "blocking").equals("blocking"));
            case "append" -> append(database(options), Integer.parseInt(options.getOrDefault("events", "100000")),
                    Integer.parseInt(options.getOrDefault("timeout", "600")));
            case "lag" -> lag(database(options), Integer.parseInt(options.getOrDefault("seconds", "60")));
            default -> System.err.println("modes: verify, proofs, watch, append, lag");
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

    /** As many events as `ledger verify` reads in one page. */
    private static final int VERIFY_PAGE = 10_000;

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
            // as `ledger verify` does: a page of events at a time, its leaves hashed on all cores, then folded in order
            for (long from = 0; from < entries; from += VERIFY_PAGE) {
                List<EventRow> page = new ArrayList<>(VERIFY_PAGE);
                for (long i = from; i < Math.min(entries, from + VERIFY_PAGE); i++) {
                    page.add(event(i, start));
                }
                for (byte[] leaf : LeafContent.leafHashes(page)) {
                    range.append(leaf);
                    if (range.size() % checkpointEvery == 0 || range.size() == entries) {
                        JWSObject jws = JWSObject.parse(checkpoints.get(next++));
                        if (!jws.verify(verifier) || !jws.getPayload().toString().contains(TreeHashes.hex(range.root()))) {
                            throw new IllegalStateException("checkpoint at " + range.size() + " does not verify");
                        }
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

    static void watch(String url, int seconds, int proofs, int clients, double rate, boolean blocking) throws Exception {
        // one client, HTTP/1.1 with kept-alive connections: no upgrade attempt, no new connection per proof
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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
        if (size == 0) {
            System.out.println("no checkpoint yet: no proofs to time");
            return;
        }
        // a short warm-up on the same connections, not recorded
        proofRound(http, blocking, url, size, Math.min(200, proofs), clients, 0);
        long proofsBegan = System.nanoTime();
        Histogram histogram = proofRound(http, blocking, url, size, proofs, clients, rate);
        double elapsedProofs = (System.nanoTime() - proofsBegan) / 1e9;
        System.out.printf("inclusion proofs over HTTP, tree of %,d, %d %s client(s)%s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, "
                + "%,.0f proofs/s%n", size, clients, blocking ? "blocking" : "JDK HttpClient", rate > 0 ? String.format(" at %.0f/s", rate) : "", histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(90) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
                histogram.getMaxValue() / 1000.0, proofs / elapsedProofs);
    }

    private static Histogram proofRound(HttpClient http, boolean blocking, String url, long size, int proofs, int clients,
            double rate) throws Exception {
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(proofs);
        long interval = rate > 0 ? (long) (1e9 / rate) : 0;
        java.util.concurrent.atomic.AtomicLong nextDue = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try {
                    while (left.getAndDecrement() > 0) {
                        long index = ThreadLocalRandom.current().nextLong(size);
                        long start = System.nanoTime();
                        if (interval > 0) {
                            start = nextDue.getAndAdd(interval);
                            Pace.until(start);
                        }
                        String proof = url + "/api/v1/ledger/entries/" + index + "/inclusion?treeSize=" + size;
                        int status = blocking ? blockingGet(proof) : http.send(HttpRequest.newBuilder(URI.create(proof)).build(),
                                HttpResponse.BodyHandlers.ofString()).statusCode();
                        long micros = (System.nanoTime() - start) / 1000;
                        synchronized (histogram) {
                            histogram.recordValue(micros);
                        }
                        if (status != 200) {
                            throw new IllegalStateException("proof of " + index + ": HTTP " + status);
                        }
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("proof requests failed", failures.get(0));
        }
        return histogram;
    }

    /**
     * One GET on the calling thread, over a kept-alive connection of its own (HttpURLConnection's
     * cache): unlike the JDK's HttpClient, which hands each exchange between its selector thread and
     * the caller, it adds no thread hand-off of the client's to the time measured.
     */
    private static int blockingGet(String url) throws java.io.IOException {
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) URI.create(url).toURL().openConnection();
        int status = connection.getResponseCode();
        try (java.io.InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (body != null) {
                body.readAllBytes();
            }
        }
        return status;
    }

    private record Database(String url, String user, String password) {
        java.sql.Connection connect() throws java.sql.SQLException {
            return java.sql.DriverManager.getConnection(url, user, password);
        }
    }

    private static Database database(Map<String, String> options) {
        String url = options.get("db");
        if (url == null) {
            throw new IllegalArgumentException("--db JDBC_URL is required, e.g. jdbc:postgresql://127.0.0.1:5432/onestop_ledger_bench");
        }
        return new Database(url, options.getOrDefault("user", "postgres"), options.getOrDefault("password", ""));
    }

    /**
     * Writes {@code count} events and their queue rows in one transaction, as the event log does,
     * then times the platform's appender from the commit until the tree holds them all.
     */
    static void append(Database database, int count, int timeoutSeconds) throws Exception {
        try (java.sql.Connection connection = database.connect()) {
            long before = single(connection, "SELECT tree_size FROM ledger_state WHERE id = 1");
            long queuedBefore = single(connection, "SELECT count(*) FROM ledger_queue");
            connection.setAutoCommit(false);
            long writeBegan = System.nanoTime();
            Instant now = Instant.now();
            try (java.sql.PreparedStatement event = connection.prepareStatement("INSERT INTO event_log (id, occurred_at, type, case_id, "
                    + "application_id, step, organisation, channel, actor, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))");
                    java.sql.PreparedStatement queue = connection.prepareStatement("INSERT INTO ledger_queue (event_id) VALUES (?)")) {
                long millis = now.toEpochMilli();
                for (int i = 0; i < count; i++) {
                    EventRow row = event(i, now);
                    // UUIDv7-shaped, unique across runs: the time in the top 48 bits, random below
                    UUID id = new UUID((millis << 16) | 0x7000L | (i >>> 20 & 0xfffL),
                            0x8000_0000_0000_0000L | ((long) (i & 0xfffff) << 42) | ThreadLocalRandom.current().nextLong(1L << 42));
                    event.setObject(1, id);
                    event.setTimestamp(2, java.sql.Timestamp.from(row.occurredAt()));
                    event.setString(3, "ledger-bench");
                    event.setObject(4, row.caseId());
                    event.setObject(5, row.applicationId());
                    event.setString(6, row.step());
                    event.setString(7, row.organisation());
                    event.setString(8, row.channel());
                    event.setString(9, row.actor());
                    event.setString(10, row.attributes());
                    event.addBatch();
                    queue.setObject(1, id);
                    queue.addBatch();
                    if ((i + 1) % 1000 == 0 || i + 1 == count) {
                        event.executeBatch();
                        queue.executeBatch();
                    }
                }
            }
            connection.commit();
            long committed = System.nanoTime();
            connection.setAutoCommit(true);
            System.out.printf("wrote %,d events and queue rows in one transaction in %.2f s (%,.0f events/s); %,d were queued already%n",
                    count, (committed - writeBegan) / 1e9, count / ((committed - writeBegan) / 1e9), queuedBefore);
            long target = before + queuedBefore + count;
            long lastPrint = committed;
            long size = before;
            while (size < target) {
                Thread.sleep(20);
                size = single(connection, "SELECT tree_size FROM ledger_state WHERE id = 1");
                long at = System.nanoTime();
                if (at - lastPrint >= 1_000_000_000L) {
                    System.out.printf("  t=%5.1fs tree size %,d, %,d to go%n", (at - committed) / 1e9, size, target - size);
                    lastPrint = at;
                }
                if (at - committed > timeoutSeconds * 1_000_000_000L) {
                    throw new IllegalStateException("the tree reached only " + size + " of " + target + " in " + timeoutSeconds + " s");
                }
            }
            double seconds = (System.nanoTime() - committed) / 1e9;
            System.out.printf("appended %,d entries in %.2f s after the commit: %,.0f entries/s (tree size %,d)%n",
                    target - before, seconds, (target - before) / seconds, size);
        }
    }

    /** Once a second: tree size, entries appended, queue depth, events arriving, and how old the oldest queued event is. */
    static void lag(Database database, int seconds) throws Exception {
        try (java.sql.Connection connection = database.connect()) {
            long firstSize = -1;
            long lastSize = -1;
            long lastTotal = -1;
            long maxDepth = 0;
            long maxAgeMillis = 0;
            long began = System.nanoTime();
            for (int s = 0; s <= seconds; s++) {
                long size = single(connection, "SELECT tree_size FROM ledger_state WHERE id = 1");
                long depth = single(connection, "SELECT count(*) FROM ledger_queue");
                long ageMillis = 0;
                try (java.sql.Statement statement = connection.createStatement();
                        java.sql.ResultSet oldest = statement.executeQuery(
                                "SELECT min(e.occurred_at) FROM ledger_queue q JOIN event_log e ON e.id = q.event_id")) {
                    oldest.next();
                    java.sql.Timestamp at = oldest.getTimestamp(1);
                    ageMillis = at == null ? 0 : Math.max(0, System.currentTimeMillis() - at.getTime());
                }
                if (firstSize < 0) {
                    firstSize = size;
                }
                long total = size + depth;
                System.out.printf("t=%3ds tree %,d (+%,d appended) queue %,d (+%,d events) oldest queued %,d ms%n", s, size,
                        lastSize < 0 ? 0 : size - lastSize, depth, lastTotal < 0 ? 0 : total - lastTotal, ageMillis);
                maxDepth = Math.max(maxDepth, depth);
                maxAgeMillis = Math.max(maxAgeMillis, ageMillis);
                lastSize = size;
                lastTotal = total;
                Thread.sleep(Math.max(0, began / 1_000_000 + (s + 1) * 1000L - System.nanoTime() / 1_000_000));
            }
            double elapsed = (System.nanoTime() - began) / 1e9;
            System.out.printf("appended %,d entries in %.1f s (%,.0f entries/s); queue at most %,d deep, oldest queued event at most %,d ms old%n",
                    lastSize - firstSize, elapsed, (lastSize - firstSize) / elapsed, maxDepth, maxAgeMillis);
        }
    }

    private static long single(java.sql.Connection connection, String sql) throws java.sql.SQLException {
        try (java.sql.Statement statement = connection.createStatement(); java.sql.ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long treeSize(HttpClient http, String url) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/ledger/checkpoints/latest")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher size = Pattern.compile("\"treeSize\"\\s*:\\s*(\\d+)").matcher(body);
        return size.find() ? Long.parseLong(size.group(1)) : 0;
    }
}
