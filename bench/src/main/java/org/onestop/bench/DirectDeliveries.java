package org.onestop.bench;

import java.io.BufferedReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * The delivery path alone: deliveries written straight into the platform's database as the
 * exchange module writes them (pending, due now, then {@code NOTIFY} on the pushers' channel in the
 * same transaction), pushed by the platform to the separate back-office process, with no
 * application, no outcome and no case behind them. Two shapes:
 * <ul>
 * <li>all at once ({@code --deliveries N}, one statement): deliveries/s from the commit to the last
 * arrival, then db-scheduler's no-op executions/s for as many tasks on the same PostgreSQL;</li>
 * <li>at a rate ({@code --rate R}): one delivery per transaction, and the time from its commit to
 * its arrival at the back office.</li>
 * </ul>
 * A warm-up batch ({@code --warmup}, 500) goes first, so that the server's code is compiled.
 */
final class DirectDeliveries {

    static final String STEP = "bench-direct";
    private static final List<String> ORGANISATIONS = List.of("business-registry", "tax-agency", "municipality-northfield",
            "municipality-southport", "northbank");

    private DirectDeliveries() {
    }

    static void run(Map<String, String> options, String db, BufferedReader backOfficeLines) throws Exception {
        String user = options.getOrDefault("db-user", "postgres");
        String password = options.getOrDefault("db-password", "");
        String channel = options.getOrDefault("channel", "onestop_deliveries");
        int deliveries = Integer.parseInt(options.getOrDefault("deliveries", "5000"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "500"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "0"));

        Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
        Arrivals arrivals = new Arrivals();
        Thread reader = new Thread(() -> read(backOfficeLines, arrivedAt, arrivals), "back-office-lines");
        reader.setDaemon(true);
        reader.start();

        try (Connection connection = DriverManager.getConnection(db, user, password)) {
            if (warmup > 0) {
                System.out.printf("warm-up: %d deliveries%n", warmup);
                CountDownLatch warm = arrivals.expect(warmup);
                insertAll(connection, channel, warmup);
                if (!warm.await(5, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("the warm-up deliveries did not all arrive: " + warm.getCount() + " missing");
                }
            }
            arrivedAt.clear();
            if (rate > 0) {
                atRate(connection, channel, deliveries, rate, arrivedAt, arrivals);
            } else {
                allAtOnce(connection, channel, deliveries, arrivedAt, arrivals, db, user, password,
                        Integer.parseInt(options.getOrDefault("peer-threads", "16")));
            }
        }
    }

    private static void allAtOnce(Connection connection, String channel, int deliveries, Map<String, Long> arrivedAt,
            Arrivals arrivals, String db, String user, String password, int peerThreads) throws Exception {
        System.out.printf("%d deliveries written at once, pushed to 5 organisations%n", deliveries);
        CountDownLatch all = arrivals.expect(deliveries);
        long committed = insertAll(connection, channel, deliveries);
        boolean done = all.await(10, TimeUnit.MINUTES);
        long last = arrivedAt.values().stream().mapToLong(Long::longValue).max().orElse(committed);
        double seconds = (last - committed) / 1e6;
        double perSecond = arrivedAt.size() / seconds;
        System.out.printf("deliveries: %d arrived%s in %.2f s after the commit = %.0f deliveries/s%n", arrivedAt.size(),
                done ? "" : " (timed out)", seconds, perSecond);
        SchedulerPeer.Result peer = SchedulerPeer.run(db, user, password, deliveries, peerThreads);
        System.out.printf("db-scheduler peer: %d no-op executions in %.1f s = %.0f executions/s%n", peer.executions(),
                peer.seconds(), peer.perSecond());
        System.out.printf("OneStop deliveries/s as a ratio of db-scheduler executions/s: %.2f%n", perSecond / peer.perSecond());
    }

    private static void atRate(Connection connection, String channel, int deliveries, double rate, Map<String, Long> arrivedAt,
            Arrivals arrivals) throws Exception {
        System.out.printf("%d deliveries, one per transaction, at %s/s%n", deliveries, rate);
        CountDownLatch all = arrivals.expect(deliveries);
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        long interval = (long) (1e9 / rate);
        long next = System.nanoTime();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO delivery (id, case_id, step, organisation, mode, state, payload, attempts, next_attempt_at, created_at)
                VALUES (?::uuid, ?::uuid, ?, ?, 'PUSH', 'PENDING', ?::jsonb, 0, now(), now())""");
                PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, '')")) {
            for (int i = 0; i < deliveries; i++) {
                while (System.nanoTime() < next) {
                    Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                }
                next += interval;
                String id = UUID.randomUUID().toString();
                insert.setString(1, id);
                insert.setString(2, id);
                insert.setString(3, STEP);
                insert.setString(4, ORGANISATIONS.get(i % ORGANISATIONS.size()));
                insert.setString(5, "{\"deliveryId\": \"%1$s\", \"caseId\": \"%1$s\", \"step\": \"%2$s\", \"input\": {\"n\": %3$d}}"
                        .formatted(id, STEP, i));
                insert.executeUpdate();
                notify.setString(1, channel);
                notify.executeQuery().close();
                committedAt.put(id, BackOffice.epochMicros());
                connection.commit();
            }
        } finally {
            connection.setAutoCommit(true);
        }
        boolean done = all.await(1, TimeUnit.MINUTES);
        Histogram latency = new Histogram(3);
        committedAt.forEach((id, at) -> {
            Long arrived = arrivedAt.get(id);
            if (arrived != null) {
                latency.recordValue(Math.max(1, arrived - at));
            }
        });
        System.out.printf("deliveries: %d of %d arrived%s%n", arrivedAt.size(), deliveries, done ? "" : " (timed out)");
        DeliveryLoad.print("commit-to-delivered", latency);
    }

    /** Writes {@code count} due deliveries in one statement and notifies the pushers; returns the commit's time (epoch µs). */
    private static long insertAll(Connection connection, String channel, int count) throws Exception {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO delivery (id, case_id, step, organisation, mode, state, payload, attempts, next_attempt_at,
                                              created_at)
                        SELECT d.id, d.id, '%1$s', (ARRAY['%2$s'])[1 + d.n %% %3$d], 'PUSH', 'PENDING',
                               jsonb_build_object('deliveryId', d.id, 'caseId', d.id, 'step', '%1$s', 'input', jsonb_build_object('n', d.n)),
                               0, now(), now()
                        FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, ?) AS n) AS d"""
                        .formatted(STEP, String.join("','", ORGANISATIONS), ORGANISATIONS.size()))) {
            insert.setInt(1, count);
            insert.executeUpdate();
            statement.execute("NOTIFY " + channel);
            long at = BackOffice.epochMicros();
            connection.commit();
            return at;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void read(BufferedReader lines, Map<String, Long> arrivedAt, Arrivals arrivals) {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts.length == 4 && parts[0].equals("D") && parts[2].equals(STEP)
                        && arrivedAt.putIfAbsent(parts[1], Long.parseLong(parts[3])) == null) {
                    arrivals.arrived();
                }
            }
        } catch (Exception e) {
            // the back-office process ended
        }
    }

    /** Counts first arrivals down for whoever waits on the current batch. */
    private static final class Arrivals {
        private volatile CountDownLatch current = new CountDownLatch(0);

        CountDownLatch expect(int count) {
            current = new CountDownLatch(count);
            return current;
        }

        void arrived() {
            current.countDown();
        }
    }
}
