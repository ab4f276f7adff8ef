package org.onestop.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.testing.TestDatabase;

import com.sun.net.httpserver.HttpServer;

/**
 * Two packaged application nodes on one PostgreSQL schema share 10,000 push deliveries: each
 * arrives, and none twice (receivers count by delivery id). Then, with another 10,000, one node
 * is killed with SIGKILL mid-run: every delivery still arrives, and a delivery arrives twice only
 * when the dead node's lease on it has run out (same id, so the receiver de-duplicates).
 * PostgreSQL only: the {@code postgres} profile runs it ({@code ./mvnw verify -Ppostgres}).
 */
class TwoNodeDeliveryIT {

    /** 10,000 by default; {@code -Dtwo-node.deliveries=N} for a shorter or longer run. */
    private static final int DELIVERIES = Integer.getInteger("two-node.deliveries", 10_000);
    private static final int ORGANISATIONS = 4;
    private static final Duration LEASE = Duration.ofSeconds(10);
    /** Generous: the test is about correctness, and the machine may be shared; on a quiet one a phase takes well under a minute. */
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(10);

    @TempDir
    Path dataDir;

    private final String schema = "twonode" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final String channel = "two_node_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final List<Process> nodes = new ArrayList<>();
    private final CountingReceiver receiver = new CountingReceiver();

    @AfterEach
    void stop() {
        nodes.forEach(Process::destroyForcibly);
        receiver.close();
    }

    @Test
    void two_nodes_deliver_every_delivery_once_and_survive_a_kill_9() throws Exception {
        assertThat(TestDatabase.onPostgres()).as("this test needs PostgreSQL; run it with -Ppostgres").isTrue();
        Process first = start("a");
        Process second = start("b");
        registerOrganisations();

        // Both nodes alive: every delivery arrives exactly once, and both nodes share the work.
        Set<String> calm = insertDeliveries("calm");
        long calmStart = System.nanoTime();
        awaitDelivered(calm);
        double calmSeconds = (System.nanoTime() - calmStart) / 1e9;
        assertThat(receiver.ids()).containsAll(calm);
        assertThat(calm).allSatisfy(id -> assertThat(receiver.times(id)).as("pushes of " + id).hasSize(1));
        assertThat(pushersOf(calm)).as("nodes that pushed").hasSize(2);

        // One node killed mid-run: the other takes over its deliveries once their leases run out.
        Set<String> stormy = insertDeliveries("stormy");
        awaitDelivered(stormy, DELIVERIES / 5);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        awaitDelivered(stormy);
        assertThat(second.isAlive()).isTrue();

        assertThat(receiver.ids()).containsAll(stormy).allMatch(id -> calm.contains(id) || stormy.contains(id));
        int twice = 0;
        for (String id : stormy) {
            List<Long> times = receiver.times(id);
            if (times.size() > 1) {
                twice++;
                assertThat(times.get(1) - times.get(0)).as("a second push of " + id + " only after the lease ran out")
                        .isGreaterThanOrEqualTo(LEASE.toMillis() - 1000);
            }
        }
        System.out.printf("TwoNodeDeliveryIT: %d deliveries by two nodes in %.1f s (%.0f/s); after the kill, %d of %d pushed "
                + "twice (all after their lease)%n", DELIVERIES, calmSeconds, DELIVERIES / calmSeconds, twice, DELIVERIES);
    }

    private void registerOrganisations() throws Exception {
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            for (int i = 0; i < ORGANISATIONS; i++) {
                statement.executeUpdate("INSERT INTO organisation (code, name, kind, status, receiving, endpoint, jwks) VALUES "
                        + "('org-" + i + "', 'Receiver " + i + "', 'PUBLIC_AGENCY', 'ACTIVE', 'PUSH', '" + receiver.url(i)
                        + "', '{\"keys\":[]}'::jsonb)");
            }
        }
    }

    /** Writes the deliveries as the exchange module does (pending, due now) and notifies the nodes; returns their ids. */
    private Set<String> insertDeliveries(String step) throws Exception {
        try (Connection db = connect(); Statement statement = db.createStatement()) {
            statement.executeUpdate("INSERT INTO delivery (id, case_id, step, organisation, mode, state, payload, attempts, "
                    + "next_attempt_at, created_at) SELECT gen_random_uuid(), gen_random_uuid(), '" + step + "', 'org-' || (i % "
                    + ORGANISATIONS + "), 'PUSH', 'PENDING', '{\"load\": true}'::jsonb, 0, now(), now() "
                    + "FROM generate_series(1, " + DELIVERIES + ") AS i");
            statement.execute("NOTIFY " + channel);
            Set<String> ids = new HashSet<>();
            try (ResultSet rows = statement.executeQuery("SELECT id FROM delivery WHERE step = '" + step + "'")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            assertThat(ids).hasSize(DELIVERIES);
            return ids;
        }
    }

    private void awaitDelivered(Set<String> ids) throws Exception {
        awaitDelivered(ids, ids.size());
    }

    private void awaitDelivered(Set<String> ids, int atLeast) throws Exception {
        String step = stepOf(ids);
        long until = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        long delivered = 0;
        while (System.nanoTime() < until) {
            try (Connection db = connect(); Statement statement = db.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM delivery WHERE state = 'DELIVERED' AND step = '"
                            + step + "'")) {
                rows.next();
                delivered = rows.getLong(1);
            }
            if (delivered >= atLeast) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("only " + delivered + " of " + atLeast + " deliveries delivered in " + PHASE_TIMEOUT);
    }

    private String stepOf(Set<String> ids) throws Exception {
        try (Connection db = connect(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT step FROM delivery WHERE id = '" + ids.iterator().next() + "'")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private Set<String> pushersOf(Set<String> ids) throws Exception {
        try (Connection db = connect(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT DISTINCT leased_by FROM delivery WHERE step = '" + stepOf(ids) + "'")) {
            Set<String> pushers = new HashSet<>();
            while (rows.next()) {
                pushers.add(rows.getString(1));
            }
            return pushers;
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(TestDatabase.POSTGRES_URL + "?currentSchema=" + schema, "postgres", "");
    }

    private Process start(String name) throws Exception {
        int port = freePort();
        List<String> command = List.of(javaBin(), "-Xmx384m", "-jar", System.getProperty("onestop.jar"),
                "--onestop.exchange.push.lease=" + LEASE, "--onestop.exchange.push.poll=PT0.2S",
                "--onestop.exchange.push.batch=64", "--onestop.exchange.push.per-organisation=32",
                "--onestop.exchange.push.notify-channel=" + channel, "--onestop.demo.enabled=false",
                "--logging.level.org.onestop.access-log=WARN");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("ONESTOP_DATA_DIR", dataDir.resolve(name).toString());
        builder.environment().put("ONESTOP_ADMIN_USER", "two-node-manager");
        builder.environment().put("ONESTOP_ADMIN_PASSWORD", "two-node-test-password-1");
        builder.environment().put("ONESTOP_DB_URL", TestDatabase.POSTGRES_URL + "?currentSchema=" + schema);
        builder.environment().put("ONESTOP_DB_USER", "postgres");
        builder.environment().put("ONESTOP_DB_POOL", "8");
        builder.environment().put("SPRING_FLYWAY_SCHEMAS", schema);
        File log = new File("target/two-node-" + name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log);
        Process process = builder.start();
        nodes.add(process);
        awaitReady(port, process, log);
        return process;
    }

    private static void awaitReady(int port, Process process, File log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(300); // slow when the machine is shared
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the node stopped at start:\n" + Files.readString(log.toPath()));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the node did not become ready in time");
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A receiver that answers 200 at once and records when each delivery id arrived. */
    private static final class CountingReceiver implements AutoCloseable {

        private final HttpServer server;
        private final ExecutorService threads = Executors.newFixedThreadPool(16);
        private final Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();

        CountingReceiver() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(threads);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                String id = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                arrivals.computeIfAbsent(id == null ? "" : id, key -> new CopyOnWriteArrayList<>()).add(System.currentTimeMillis());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        }

        String url(int organisation) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/org-" + organisation;
        }

        Set<String> ids() {
            return arrivals.keySet();
        }

        List<Long> times(String id) {
            return arrivals.getOrDefault(id, List.of());
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
