package org.onestop.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onestop.testing.DemoNetworkFixture;
import org.onestop.testing.TestDatabase;

import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing acknowledged is lost: the packaged platform is killed with SIGKILL while applications
 * pour in, and every application it answered 201 for is there, with its case, after a restart.
 */
class CrashRecoveryIT {

    private static final String USER = "crash-manager";
    private static final String PASSWORD = "crash-test-password-1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dataDir;

    @Test
    void applications_acknowledged_before_a_kill_9_are_all_there_after_a_restart() throws Exception {
        String schema = "crash" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        int port = freePort();
        Process first = start(port, schema, "first");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < 8; i++) {
            clients.submit(() -> {
                while (running.get()) {
                    submitOne(http, port).ifPresent(acknowledged::add);
                }
            });
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acknowledged.size() < 60 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        first.destroyForcibly();
        first.waitFor(30, TimeUnit.SECONDS);
        running.set(false);
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.SECONDS);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(60);

        Process second = start(port, schema, "second");
        second.destroy();
        second.waitFor(30, TimeUnit.SECONDS);

        Set<String> stored = storedApplicationsWithCases(schema);
        assertThat(stored).containsAll(acknowledged);
    }

    private static java.util.Optional<String> submitOne(HttpClient http, int port) {
        String body = """
                {"principal": {"kind": "person", "id": "P-%s", "name": "Crash Test"}, "form": %s}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), DemoNetworkFixture.form("Crash Ltd", "northfield"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/services/start-a-business/applications"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                return java.util.Optional.of(JSON.readTree(response.body()).path("id").asString());
            }
        } catch (IOException e) {
            // the server is down or going down: nothing was acknowledged
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return java.util.Optional.empty();
    }

    private Process start(int port, String schema, String name) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx512m", "-jar", System.getProperty("onestop.jar")));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("ONESTOP_DATA_DIR", dataDir.toString());
        builder.environment().put("ONESTOP_ADMIN_USER", USER);
        builder.environment().put("ONESTOP_ADMIN_PASSWORD", PASSWORD);
        if (TestDatabase.onPostgres()) {
            builder.environment().put("ONESTOP_DB_URL", TestDatabase.POSTGRES_URL + "?currentSchema=" + schema);
            builder.environment().put("ONESTOP_DB_USER", "postgres");
            builder.environment().put("SPRING_FLYWAY_SCHEMAS", schema);
        }
        File log = new File("target/crash-" + name + ".log");
        builder.redirectErrorStream(true).redirectOutput(log);
        Process process = builder.start();
        awaitReady(port, process, log);
        return process;
    }

    private static void awaitReady(int port, Process process, File log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform stopped at start:\n" + Files.readString(log.toPath()));
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
        throw new IllegalStateException("the platform did not become ready in time");
    }

    private Set<String> storedApplicationsWithCases(String schema) throws Exception {
        String url = TestDatabase.onPostgres() ? TestDatabase.POSTGRES_URL + "?currentSchema=" + schema
                : "jdbc:h2:file:" + dataDir.resolve("onestop") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection connection = DriverManager.getConnection(url, TestDatabase.onPostgres() ? "postgres" : "sa", "");
                ResultSet rows = connection.createStatement().executeQuery(
                        "SELECT a.id FROM application a JOIN case_file c ON c.id = a.id")) {
            Set<String> ids = new HashSet<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
