package org.onestop.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Submits "Start a business" applications over the intake API, as the demo accounting firm's
 * system acting under a mandate, with a fixed number of concurrent clients (closed loop) or at a
 * fixed rate (open loop, {@code --rate}), and prints accepted/s and latency percentiles.
 *
 * <pre>java -jar bench/target/onestop-bench.jar --url http://localhost:8080 --audience http://localhost:8080
 *     --admin admin:PASSWORD --concurrency 16 --seconds 30 [--rate 500] [--batch 100] [--alg ES256|EdDSA]</pre>
 * With {@code --batch N} each request carries N applications to the batch endpoint; latency is then per batch.
 */
public final class IntakeLoad {

    private static final String AGENT = "ledgerwise-accountants";
    private static final String PRINCIPAL = "B-BENCH-0001";
    private static int batchSize = 1;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = options.getOrDefault("url", "http://localhost:8080");
        String audience = options.getOrDefault("audience", url);
        String admin = options.getOrDefault("admin", "admin:admin");
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "16"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
        batchSize = Integer.parseInt(options.getOrDefault("batch", "1"));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String kid = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        // EdDSA by default: verifying an Ed25519 signature costs the platform about a fifth of an ES256 one
        JWK key = "ES256".equals(options.getOrDefault("alg", "EdDSA"))
                ? new ECKeyGenerator(Curve.P_256).keyID(kid).generate()
                : new OctetKeyPairGenerator(Curve.Ed25519).keyID(kid).generate();
        Setup.registerKey(http, url, admin, AGENT, key);
        Tokens tokens = new Tokens(AGENT, audience, key);
        Setup.ensureMandate(http, url, tokens, PRINCIPAL);

        System.out.printf("warming up for %d s with %d clients%n", warmup, concurrency);
        run(http, url, tokens, concurrency, warmup, rate, false);
        System.out.printf("measuring for %d s with %d clients%s%n", seconds, concurrency,
                rate > 0 ? " at " + rate + " requests/s" : "");
        run(http, url, tokens, concurrency, seconds, rate, true);
    }

    private static void run(HttpClient http, String url, Tokens tokens, int concurrency, int seconds, double rate,
            boolean report) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long intervalNanos = rate > 0 ? (long) (1e9 * concurrency / rate) : 0;
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        for (int c = 0; c < concurrency; c++) {
            long offset = intervalNanos * c / Math.max(1, concurrency);
            clients.submit(() -> {
                long next = start + offset;
                while (System.nanoTime() < end) {
                    long sent;
                    if (intervalNanos > 0) {
                        Pace.until(next);
                        sent = next; // measure from the intended time: no coordinated omission
                        next += intervalNanos;
                    } else {
                        sent = System.nanoTime();
                    }
                    int ok = batchSize > 1 ? submitBatch(http, url, tokens) : submit(http, url, tokens) ? 1 : 0;
                    recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                    accepted.addAndGet(ok);
                    failed.addAndGet(batchSize - ok);
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (report) {
            Histogram histogram = recorder.getIntervalHistogram();
            System.out.printf("accepted: %d, failed: %d, elapsed: %.1f s%n", accepted.get(), failed.get(), elapsed);
            System.out.printf("accepted/s: %.0f%n", accepted.get() / elapsed);
            System.out.printf("latency ms: p50 %.1f, p90 %.1f, p99 %.1f, p99.9 %.1f, max %.1f%n",
                    histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(90) / 1000.0,
                    histogram.getValueAtPercentile(99) / 1000.0, histogram.getValueAtPercentile(99.9) / 1000.0,
                    histogram.getMaxValue() / 1000.0);
        }
    }

    /** One batch of {@code batchSize} applications; returns how many were accepted. */
    private static int submitBatch(HttpClient http, String url, Tokens tokens) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < batchSize; i++) {
            body.append(i == 0 ? "" : ",").append(application());
        }
        body.append(']');
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/services/start-a-business/applications:batch"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.next())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher accepted = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)").matcher(response.body());
            return response.statusCode() == 200 && accepted.find() ? Integer.parseInt(accepted.group(1)) : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    private static boolean submit(HttpClient http, String url, Tokens tokens) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/services/start-a-business/applications"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.next())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(application())).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 201;
        } catch (Exception e) {
            return false;
        }
    }

    private static String application() {
        return """
                {"principal": {"kind": "business", "id": "%s", "name": "Bench Holdings"},
                 "form": {"applicant": {"fullName": "Bench Tester", "email": "bench@example.org"},
                          "business": {"name": "Bench %s", "legalForm": "limited-company", "activity": "Load",
                                       "startDate": "2027-01-01", "employees": 2,
                                       "address": {"street": "1 Load Lane", "postcode": "1234 AB", "municipality": "%s"}}}}"""
                .formatted(PRINCIPAL, UUID.randomUUID().toString().substring(0, 8),
                        Math.random() < 0.5 ? "northfield" : "southport");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    /** Single-use member tokens (RFC 7523 style), as an organisation's system makes them. */
    static final class Tokens {
        private final String organisation;
        private final String audience;
        private final JWK key;
        private final JWSSigner signer;
        private final JWSAlgorithm algorithm;

        Tokens(String organisation, String audience, JWK key) throws Exception {
            this.organisation = organisation;
            this.audience = audience;
            this.key = key;
            this.signer = key instanceof ECKey ec ? new ECDSASigner(ec) : new Ed25519Signer((OctetKeyPair) key);
            this.algorithm = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.EdDSA;
        }

        String next() {
            try {
                Instant now = Instant.now();
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(),
                        new JWTClaimsSet.Builder().issuer(organisation).subject(organisation).audience(audience)
                                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(120)))
                                .jwtID(UUID.randomUUID().toString()).build());
                jwt.sign(signer);
                return jwt.serialize();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Registers the bench's key with the agent organisation and makes sure a mandate lets it apply. */
    static final class Setup {

        static void registerKey(HttpClient http, String url, String admin, String organisation, JWK key) throws Exception {
            String basic = "Basic " + Base64.getEncoder().encodeToString(admin.getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> current = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/organisations/" + organisation))
                    .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
            check(current, 200, "read the agent organisation");
            String name = field(current.body(), "name");
            String body = """
                    {"code": "%s", "name": "%s", "kind": "intermediary", "status": "active", "receiving": "inbox",
                     "jwks": {"keys": [%s]}}""".formatted(organisation, name, key.toPublicJWK().toJSONString());
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/organisations/" + organisation))
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            check(put, 200, "register the bench key");
        }

        static void ensureMandate(HttpClient http, String url, Tokens tokens, String principal) throws Exception {
            String request = """
                    {"principal": "%s", "principalName": "Bench Holdings", "services": ["start-a-business"],
                     "validFrom": "%s", "validTo": "%s"}""".formatted(principal, LocalDate.now(), LocalDate.now().plusYears(1));
            HttpResponse<String> requested = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/mandates"))
                    .header("Authorization", "Bearer " + tokens.next()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofString());
            check(requested, 201, "request a mandate");
            Matcher link = Pattern.compile("/mandates/confirm/([A-Za-z0-9_-]+)").matcher(requested.body());
            if (!link.find()) {
                throw new IllegalStateException("no confirmation link in " + requested.body());
            }
            HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/mandates:confirm"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"" + link.group(1) + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (confirmed.statusCode() / 100 != 2) {
                throw new IllegalStateException("confirming the mandate: " + confirmed.statusCode() + " " + confirmed.body());
            }
        }

        private static void check(HttpResponse<String> response, int expected, String what) {
            if (response.statusCode() != expected) {
                throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
            }
        }

        private static String field(String json, String name) {
            Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
            return m.find() ? m.group(1) : name;
        }
    }
}
