package org.leadfeedercamel.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty warehouse per test on each database the connector supports: an in-memory H2, a new
 * schema in the local PostgreSQL's {@code test} database, a new database on the local MariaDB. They
 * are the real servers; a test never silently skips one.
 */
public final class TestWarehouses {

    public enum Kind { H2, POSTGRESQL, MARIADB }

    /** Where to connect and how; closing drops the schema or database again. */
    public record TestWarehouse(Kind kind, String url, String user, String password, Runnable drop) implements AutoCloseable {
        @Override
        public void close() {
            drop.run();
        }
    }

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

    private TestWarehouses() {
    }

    public static TestWarehouse fresh(Kind kind) {
        String name = "lf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return switch (kind) {
            case H2 -> new TestWarehouse(kind, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", null, null,
                    () -> execute("jdbc:h2:mem:" + name, null, "SHUTDOWN"));
            case POSTGRESQL -> {
                execute(POSTGRES, "postgres", "CREATE SCHEMA " + name);
                yield new TestWarehouse(kind, POSTGRES + "?currentSchema=" + name, "postgres", null,
                        () -> execute(POSTGRES, "postgres", "DROP SCHEMA " + name + " CASCADE"));
            }
            case MARIADB -> {
                execute(MARIADB, "root", "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                yield new TestWarehouse(kind, MARIADB + name, "root", "",
                        () -> execute(MARIADB, "root", "DROP DATABASE " + name));
            }
        };
    }

    private static void execute(String url, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, user == null ? null : "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test warehouse " + url + ": " + e.getMessage(), e);
        }
    }
}
