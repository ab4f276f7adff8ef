package org.onestop.bench;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;

/**
 * The back offices of the demo network in a process of their own, on loopback: takes every
 * pushed delivery (answers 200 at once), notes when it arrived, and reports the step's outcome
 * back to the platform as the organisation's system (signed member token). Prints one line per
 * event on standard output for the load generator:
 * {@code READY <port>}, {@code D <caseId> <step> <epochMicros>}, {@code O <caseId> <step> <status>}.
 *
 * <pre>java -cp onestop-bench.jar org.onestop.bench.BackOffice --platform URL --audience URL --keys FILE</pre>
 * where FILE is a JWK set with each organisation's private key, whose key id is {@code <code>.<anything>}.
 */
public final class BackOffice {

    private static final Pattern FIELD = Pattern.compile("\"(caseId|step|deliveryId)\"\\s*:\\s*\"([^\"]*)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String platform = options.get("platform");
        String audience = options.getOrDefault("audience", platform);
        Map<String, IntakeLoad.Tokens> systems = new HashMap<>();
        for (JWK key : JWKSet.parse(Files.readString(Path.of(options.get("keys")))).getKeys()) {
            String code = key.getKeyID().substring(0, key.getKeyID().indexOf('.'));
            systems.put(code, new IntakeLoad.Tokens(code, audience, key));
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService reporters = Executors.newFixedThreadPool(Integer.parseInt(options.getOrDefault("reporters", "8")));

        // the JDK server leaves Nagle's algorithm on unless told otherwise: each answer would then wait for
        // the client's delayed acknowledgement (tens of milliseconds), and the bench would measure that
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(options.getOrDefault("port", "0"))), 1024);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long micros = epochMicros();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            String organisation = exchange.getRequestURI().getPath().substring(1);
            Map<String, String> fields = fields(body);
            synchronized (out) {
                out.println("D " + fields.get("caseId") + " " + fields.get("step") + " " + micros);
                out.flush();
            }
            if (!DirectDeliveries.STEP.equals(fields.get("step"))) { // work written straight into the database has no case to complete
                reporters.submit(() -> report(http, platform, systems.get(organisation), fields, out));
            }
        });
        server.start();
        out.println("READY " + server.getAddress().getPort());
        out.flush();
    }

    /** The payload of the platform's JWS (not verified here: the bench measures the platform, not the receiver). */
    private static Map<String, String> fields(String body) {
        Map<String, String> fields = new HashMap<>();
        try {
            Matcher m = FIELD.matcher(JWSObject.parse(body).getPayload().toString());
            while (m.find()) {
                fields.putIfAbsent(m.group(1), m.group(2));
            }
        } catch (Exception e) {
            fields.put("step", "unreadable");
        }
        return fields;
    }

    private static void report(HttpClient http, String platform, IntakeLoad.Tokens system, Map<String, String> fields,
            PrintStream out) {
        String step = fields.get("step");
        String output = switch (step == null ? "" : step) {
            case "register-company" -> "{\"registryNumber\": \"" + (10_000_000 + (int) (Math.random() * 89_999_999)) + "\"}";
            case "tax-number" -> "{\"taxNumber\": \"TX" + System.nanoTime() % 1_000_000_000 + "\"}";
            case "trading-licence" -> "{\"licenceNumber\": \"LIC-" + System.nanoTime() % 1_000_000 + "\"}";
            case "business-account" -> "{\"iban\": \"NL00BENC0" + (100_000_000 + (int) (Math.random() * 899_999_999)) + "\"}";
            default -> null;
        };
        int status = 0;
        if (output != null && system != null) {
            try {
                status = http.send(HttpRequest.newBuilder(URI.create(platform + "/api/v1/deliveries/" + fields.get("deliveryId")
                                + "/outcome"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + system.next())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"status\": \"completed\", \"output\": " + output + "}"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                status = -1;
            }
        }
        synchronized (out) {
            out.println("O " + fields.get("caseId") + " " + step + " " + status);
            out.flush();
        }
    }

    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }
}
