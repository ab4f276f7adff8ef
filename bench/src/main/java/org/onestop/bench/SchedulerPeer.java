package org.onestop.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The peer: db-scheduler executing no-op one-time tasks on the same PostgreSQL, in a schema of
 * its own. All tasks are scheduled (due now) first; the time runs from the scheduler's start
 * until the last one has executed. It polls with lock-and-fetch ({@code FOR UPDATE SKIP LOCKED}),
 * its fastest strategy on PostgreSQL.
 */
final class SchedulerPeer {

    record Result(int executions, double seconds) {
        double perSecond() {
            return executions / seconds;
        }
    }

    private SchedulerPeer() {
    }

    static Result run(String url, String user, String password, int tasks, int threads) throws Exception {
        String schema = "dbscheduler_bench";
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(threads + 4);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                statement.execute("DROP TABLE IF EXISTS " + schema + ".scheduled_tasks");
                statement.execute("""
                        CREATE TABLE %s.scheduled_tasks (
                          task_name TEXT NOT NULL, task_instance TEXT NOT NULL, task_data BYTEA,
                          execution_time TIMESTAMP WITH TIME ZONE NOT NULL, picked BOOLEAN NOT NULL, picked_by TEXT,
                          last_success TIMESTAMP WITH TIME ZONE, last_failure TIMESTAMP WITH TIME ZONE,
                          consecutive_failures INT, last_heartbeat TIMESTAMP WITH TIME ZONE, version BIGINT NOT NULL,
                          priority SMALLINT,
                          PRIMARY KEY (task_name, task_instance))""".formatted(schema));
                statement.execute("CREATE INDEX ON " + schema + ".scheduled_tasks (execution_time)");
                statement.execute("CREATE INDEX ON " + schema + ".scheduled_tasks (last_heartbeat)");
                statement.execute("CREATE INDEX ON " + schema + ".scheduled_tasks (priority DESC, execution_time ASC)");
            }
            CountDownLatch executed = new CountDownLatch(tasks);
            OneTimeTask<Void> noop = Tasks.oneTime("noop").execute((instance, context) -> executed.countDown());
            SchedulerClient client = SchedulerClient.Builder.create(dataSource, noop).build();
            Instant due = Instant.now();
            for (int i = 0; i < tasks; i++) {
                client.schedule(noop.instance("task-" + i), due);
            }
            Scheduler scheduler = Scheduler.create(dataSource, noop).threads(threads).pollingInterval(Duration.ofMillis(100))
                    .pollUsingLockAndFetch(0.5, 1.0).registerShutdownHook().build();
            long start = System.nanoTime();
            scheduler.start();
            boolean all = executed.await(10, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            scheduler.stop();
            if (!all) {
                throw new IllegalStateException("db-scheduler executed only " + (tasks - executed.getCount()) + " of " + tasks);
            }
            return new Result(tasks, seconds);
        }
    }
}
