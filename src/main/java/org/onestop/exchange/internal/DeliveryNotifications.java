package org.onestop.exchange.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.onestop.platform.Databases;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the push workers of every node when a delivery is created on any of them. On PostgreSQL
 * the creating transaction sends {@code NOTIFY} on a channel (delivered to listeners only when it
 * commits, once per transaction), and each node listens on a dedicated connection of its own, so
 * a delivery is pushed at once by whichever node claims it first, not at the next poll. On H2
 * there is one node, and the in-process wake-up after commit is enough.
 */
@Component
class DeliveryNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryNotifications.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String SENT = DeliveryNotifications.class.getName() + ".sent";
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final PushWorker pusher;
    private final String channel;
    private final boolean enabled;
    private volatile Boolean postgres;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    DeliveryNotifications(DataSource dataSource, JdbcClient jdbc, PushWorker pusher,
            @Value("${onestop.exchange.push.notify-channel:onestop_deliveries}") String channel,
            @Value("${onestop.exchange.push.enabled:true}") boolean enabled) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("onestop.exchange.push.notify-channel must be a lower-case SQL identifier: " + channel);
        }
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.pusher = pusher;
        this.channel = channel;
        this.enabled = enabled;
    }

    /** Tells every node's pushers, when the current transaction commits, that a delivery is due (PostgreSQL only). */
    void announce() {
        if (!onPostgres()) {
            return;
        }
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        if (inTransaction && TransactionSynchronizationManager.hasResource(SENT)) {
            return;
        }
        jdbc.sql("SELECT pg_notify(?, '')").param(channel).query(Object.class).single();
        if (inTransaction) {
            TransactionSynchronizationManager.bindResource(SENT, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SENT);
                }
            });
        }
    }

    /** Whether this node is listening now (false on H2, and while reconnecting). */
    boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        if (!enabled || !onPostgres()) {
            return;
        }
        running = true;
        listener = new Thread(this::listen, "delivery-notifications");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                listening = true;
                pusher.wake(); // anything announced while this node was not listening
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        pusher.wake();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    log.warn("Listening for new deliveries failed; reconnecting in a second ({})", e.getMessage());
                    pause();
                }
            }
        }
        listening = false;
    }

    /** A connection of its own, outside the pool: it is held for as long as the node runs. */
    private Connection connect() throws SQLException {
        Connection connection;
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
            HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
            connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        } else {
            connection = dataSource.getConnection();
        }
        connection.setAutoCommit(true);
        return connection;
    }

    private boolean onPostgres() {
        Boolean known = postgres;
        if (known == null) {
            try {
                known = Databases.isPostgres(dataSource);
            } catch (SQLException e) {
                return false;
            }
            postgres = known;
        }
        return known;
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
