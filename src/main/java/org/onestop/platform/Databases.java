package org.onestop.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

/** Which database the platform runs on, for the few things only PostgreSQL offers (LISTEN/NOTIFY, planner settings). */
public final class Databases {

    private Databases() {
    }

    /** Whether the data source is PostgreSQL (otherwise the embedded H2). */
    public static boolean isPostgres(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
        }
    }
}
