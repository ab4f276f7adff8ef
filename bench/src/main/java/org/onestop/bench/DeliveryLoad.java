package org.onestop.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;

/**
 * End to end through the exchange: "Start a business" applications in over the API; every step's
 * delivery pushed by the platform to the back offices, which run in a separate process on
 * loopback ({@link BackOffice}) and report each outcome back; until every case is completed.
 * Prints deliveries/s and submit-to-delivered latency, then runs the peer, db-scheduler, on the
 * same PostgreSQL with as many no-op tasks ({@link SchedulerPeer}) and prints the ratio.
 *
 * <pre>java -cp onestop-bench.jar org.onestop.bench.DeliveryLoad --url http://localhost:8090 --admin admin:PASSWORD
 *     --applications 1000 --concurrency 8 [--rate 20] --db jdbc:postgresql://127.0.0.1:5432/onestop_bench --db-user postgres</pre>
 */
public final class DeliveryLoad {

    private static final String AGENT = "ledgerwise-accountants";
    private static final String PRINCIPAL = "B-BENCH-0001";
    private static final Map<String, String> BACK_OFFICES = Map.of("business-registry", "public-agency",
            "tax-agency", "public-agency", "municipality-northfield", "public-agency", "municipality-southport", "public-agency",
            "northbank", "private-partner");
    private static final int STEPS_PER_CASE = 4;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = options.getOrDefault("url", "http://localhost:8080");
        String audience = options.getOrDefault("audience", url);
        String admin = options.getOrDefault("admin", "admin:admin");
        int applications = Integer.parseInt(options.getOrDefault("applications", "1000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "8"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
        String db = options.get("db");
        boolean direct = options.getOrDefault("mode", "end-to-end").equals("direct");
        if (direct && db == null) {
            throw new IllegalArgumentException("--mode direct writes the deliveries into the platform's database: give --db");
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<JWK> privateKeys = new ArrayList<>();
        for (String code : BACK_OFFICES.keySet()) {
            privateKeys.add(new OctetKeyPairGenerator(Curve.Ed25519).keyID(code + "." + UUID.randomUUID().toString().substring(0, 8))
                    .generate());
        }
        Path keys = Files.createTempFile("onestop-back-offices", ".jwks");
        keys.toFile().deleteOnExit();
        Files.writeString(keys, new JWKSet(privateKeys).toString(false));

        Process backOffice = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", Path.of(DeliveryLoad.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                BackOffice.class.getName(), "--platform", url, "--audience", audience, "--keys", keys.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Runtime.getRuntime().addShutdownHook(new Thread(backOffice::destroy));
        BufferedReader lines = new BufferedReader(new InputStreamReader(backOffice.getInputStream(), StandardCharsets.UTF_8));
        String ready = lines.readLine();
        if (ready == null || !ready.startsWith("READY ")) {
            throw new IllegalStateException("the back-office process did not start: " + ready);
        }
        int port = Integer.parseInt(ready.substring(6).trim());

        for (JWK key : privateKeys) {
            String code = key.getKeyID().substring(0, key.getKeyID().indexOf('.'));
            putOrganisation(http, url, admin, code, BACK_OFFICES.get(code), "http://127.0.0.1:" + port + "/" + code, key);
        }
        if (direct) {
            DirectDeliveries.run(options, db, lines);
            backOffice.destroy();
            System.exit(0);
        }
        JWK agentKey = new OctetKeyPairGenerator(Curve.Ed25519).keyID("bench-" + UUID.randomUUID().toString().substring(0, 8)).generate();
        IntakeLoad.Setup.registerKey(http, url, admin, AGENT, agentKey);
        IntakeLoad.Tokens tokens = new IntakeLoad.Tokens(AGENT, audience, agentKey);
        IntakeLoad.Setup.ensureMandate(http, url, tokens, PRINCIPAL);

        Map<String, Long> submittedAt = new ConcurrentHashMap<>();
        Map<String, List<long[]>> deliveredAt = new ConcurrentHashMap<>();
        AtomicInteger outcomesAccepted = new AtomicInteger();
        AtomicInteger outcomesRefused = new AtomicInteger();
        Map<String, AtomicInteger> completedSteps = new ConcurrentHashMap<>();
        CountDownLatch allCompleted = new CountDownLatch(applications);
        Thread reader = new Thread(() -> read(lines, deliveredAt, outcomesAccepted, outcomesRefused, completedSteps, allCompleted),
                "back-office-lines");
        reader.setDaemon(true);
        reader.start();

        System.out.printf("submitting %d applications with %d clients%s; back offices on port %d%n", applications, concurrency,
                rate > 0 ? " at " + rate + "/s" : "", port);
        long startMicros = BackOffice.epochMicros();
        long start = System.nanoTime();
        AtomicInteger remaining = new AtomicInteger(applications);
        AtomicLong failed = new AtomicLong();
        long intervalNanos = rate > 0 ? (long) (1e9 / rate) : 0;
        AtomicLong nextSlot = new AtomicLong(start);
        Histogram answered = new Histogram(3);
        Histogram prepared = new Histogram(3);
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        for (int c = 0; c < concurrency; c++) {
            clients.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    if (intervalNanos > 0) {
                        long slot = nextSlot.getAndAdd(intervalNanos);
                        Pace.until(slot);
                    }
                    // the client's own work (its single-use token signed, the body written) comes before the submission
                    long preparing = BackOffice.epochMicros();
                    HttpRequest request = application(url, tokens);
                    long sent = BackOffice.epochMicros();
                    String id = submit(http, request);
                    synchronized (answered) {
                        answered.recordValue(Math.max(1, BackOffice.epochMicros() - sent));
                        prepared.recordValue(Math.max(1, sent - preparing));
                    }
                    if (id == null) {
                        failed.incrementAndGet();
                        allCompleted.countDown();
                    } else {
                        submittedAt.put(id, sent);
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(1, TimeUnit.HOURS);
        double submitSeconds = (System.nanoTime() - start) / 1e9;
        boolean done = allCompleted.await(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        backOffice.destroy();

        Histogram first = new Histogram(3);
        Histogram all = new Histogram(3);
        long deliveries = 0;
        long lastMicros = startMicros;
        for (Map.Entry<String, List<long[]>> entry : deliveredAt.entrySet()) {
            Long sent = submittedAt.get(entry.getKey());
            for (long[] delivery : entry.getValue()) {
                deliveries++;
                lastMicros = Math.max(lastMicros, delivery[1]);
                if (sent != null) {
                    long latency = Math.max(1, delivery[1] - sent);
                    all.recordValue(latency);
                    if (delivery[0] == 1) {
                        first.recordValue(latency);
                    }
                }
            }
        }
        double deliverySeconds = (lastMicros - startMicros) / 1e6;
        double deliveriesPerSecond = deliveries / deliverySeconds;
        System.out.printf("applications: %d accepted, %d failed, submitted in %.1f s (%.0f/s)%n", submittedAt.size(), failed.get(),
                submitSeconds, submittedAt.size() / submitSeconds);
        System.out.printf("cases completed: %d of %d%s, outcomes accepted %d, refused %d, in %.1f s%n",
                completedSteps.values().stream().filter(n -> n.get() >= STEPS_PER_CASE).count(), submittedAt.size(),
                done ? "" : " (timed out)", outcomesAccepted.get(), outcomesRefused.get(), seconds);
        System.out.printf("deliveries: %d pushed in %.1f s = %.0f deliveries/s%n", deliveries, deliverySeconds, deliveriesPerSecond);
        print("client: application and token prepared, before sending", prepared);
        print("submission answered (201)", answered);
        print("submit-to-delivered, steps ready at submission", first);
        print("submit-to-delivered, all steps (later ones wait for earlier outcomes)", all);

        if (db != null) {
            SchedulerPeer.Result peer = SchedulerPeer.run(db, options.getOrDefault("db-user", "postgres"),
                    options.getOrDefault("db-password", ""), (int) deliveries, Integer.parseInt(options.getOrDefault("peer-threads", "16")));
            System.out.printf("db-scheduler peer: %d no-op executions in %.1f s = %.0f executions/s%n", peer.executions(),
                    peer.seconds(), peer.perSecond());
            System.out.printf("OneStop deliveries/s as a ratio of db-scheduler executions/s: %.2f%n",
                    deliveriesPerSecond / peer.perSecond());
        }
        System.exit(0);
    }

    static void print(String what, Histogram histogram) {
        System.out.printf("%s (%d): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, histogram.getTotalCount(),
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(90) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0);
    }

    /** Reads the back offices' lines: deliveries (with the wave: 1 when ready at submission) and outcomes. */
    private static void read(BufferedReader lines, Map<String, List<long[]>> deliveredAt, AtomicInteger accepted,
            AtomicInteger refused, Map<String, AtomicInteger> completedSteps, CountDownLatch allCompleted) {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts.length == 4 && parts[0].equals("D")) {
                    long wave = parts[2].equals("register-company") || parts[2].equals("trading-licence") ? 1 : 2;
                    deliveredAt.computeIfAbsent(parts[1], id -> java.util.Collections.synchronizedList(new ArrayList<>()))
                            .add(new long[] {wave, Long.parseLong(parts[3])});
                } else if (parts.length == 4 && parts[0].equals("O")) {
                    if (parts[3].equals("200")) {
                        accepted.incrementAndGet();
                        if (completedSteps.computeIfAbsent(parts[1], id -> new AtomicInteger()).incrementAndGet() == STEPS_PER_CASE) {
                            allCompleted.countDown();
                        }
                    } else {
                        refused.incrementAndGet();
                    }
                }
            }
        } catch (Exception e) {
            // the back-office process ended
        }
    }

    private static HttpRequest application(String url, IntakeLoad.Tokens tokens) {
        String body = """
                {"principal": {"kind": "business", "id": "%s", "name": "Bench Holdings"},
                 "form": {"applicant": {"fullName": "Bench Tester", "email": "bench@example.org"},
                          "business": {"name": "Bench %s", "legalForm": "limited-company", "activity": "Load",
                                       "startDate": "2027-01-01", "employees": 2,
                                       "address": {"street": "1 Load Lane", "postcode": "1234 AB", "municipality": "%s"}}}}"""
                .formatted(PRINCIPAL, UUID.randomUUID().toString().substring(0, 8), Math.random() < 0.5 ? "northfield" : "southport");
        return HttpRequest.newBuilder(URI.create(url + "/api/v1/services/start-a-business/applications"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.next()).header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String submit(HttpClient http, HttpRequest application) {
        try {
            HttpResponse<String> response = http.send(application, HttpResponse.BodyHandlers.ofString());
            Matcher id = ID.matcher(response.body());
            return response.statusCode() == 201 && id.find() ? id.group(1) : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static void putOrganisation(HttpClient http, String url, String admin, String code, String kind, String endpoint,
            JWK key) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(admin.getBytes(StandardCharsets.UTF_8));
        String body = """
                {"code": "%s", "name": "%s", "kind": "%s", "status": "active", "receiving": "push", "endpoint": "%s",
                 "jwks": {"keys": [%s]}}""".formatted(code, code, kind, endpoint, key.toPublicJWK().toJSONString());
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/organisations/" + code))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 200) {
            throw new IllegalStateException("making " + code + " a push organisation: " + put.statusCode() + " " + put.body());
        }
    }
}
