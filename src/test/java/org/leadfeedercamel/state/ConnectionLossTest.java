package org.leadfeedercamel.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.TestWarehouses.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * What counts as a lost connection, on the failures the real servers and the real pool raise: a session
 * the server ended, a server out of reach; never a constraint or data error, nor a refused login.
 */
class ConnectionLossTest {

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void aSessionTheServerEndedIsALostConnection(Kind kind) throws Exception {
        try (TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             Connection victim = DriverManager.getConnection(warehouse.url(), warehouse.user(), warehouse.password());
             Connection admin = DriverManager.getConnection(warehouse.url(), warehouse.user(), warehouse.password())) {
            long session = sessionId(kind, victim);
            try (Statement statement = admin.createStatement()) {
                // what a restart does to every session: PostgreSQL's fast shutdown terminates them, MariaDB's kills them
                statement.execute(kind == Kind.POSTGRESQL ? "SELECT pg_terminate_backend(" + session + ")" : "KILL CONNECTION " + session);
            }

            Throwable failure = catchThrowable(() -> new JdbcTemplate(new SingleConnectionDataSource(victim, true)).execute("SELECT 1"));

            assertThat(failure).isNotNull();
            assertThat(ConnectionLoss.is(failure)).as(String.valueOf(failure)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void aConstraintOrDataErrorIsNever(Kind kind) throws Exception {
        try (TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             Connection connection = DriverManager.getConnection(warehouse.url(), warehouse.user(), warehouse.password())) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            jdbc.execute("CREATE TABLE t (id INT PRIMARY KEY, code VARCHAR(3) NOT NULL, CHECK (id > 0))");
            jdbc.update("INSERT INTO t VALUES (1, 'a')");

            Throwable duplicate = catchThrowable(() -> jdbc.update("INSERT INTO t VALUES (1, 'b')"));
            Throwable check = catchThrowable(() -> jdbc.update("INSERT INTO t VALUES (-1, 'c')"));
            Throwable notNull = catchThrowable(() -> jdbc.update("INSERT INTO t VALUES (2, NULL)"));
            Throwable tooLong = catchThrowable(() -> jdbc.update("INSERT INTO t VALUES (3, 'abcd')"));
            Throwable batch = catchThrowable(() -> jdbc.batchUpdate("INSERT INTO t VALUES (?, 'd')", java.util.List.of(
                    new Object[] {4}, new Object[] {1})));

            for (Throwable failure : java.util.List.of(duplicate, check, notNull, tooLong, batch)) {
                assertThat(failure).isNotNull();
                assertThat(ConnectionLoss.is(failure)).as(String.valueOf(failure)).isFalse();
            }
        }
    }

    @Test
    void thePoolsTimeoutWhileTheServerIsOutOfReachIsALostConnection() {
        // nothing listens on port 1 of the loopback: the pool's attempts are refused, as while a server restarts
        try (HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:1/test", "postgres")) {
            Throwable failure = catchThrowable(pool::getConnection);

            assertThat(failure).hasMessageContaining("Connection is not available");
            assertThat(ConnectionLoss.is(failure)).isTrue();
        }
    }

    @Test
    void aRefusedLoginIsNot() {
        try (HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:5432/test", "lf_no_such_role")) {
            Throwable failure = catchThrowable(pool::getConnection);

            assertThat(failure).hasMessageContaining("Connection is not available").hasStackTraceContaining("lf_no_such_role");
            assertThat(ConnectionLoss.is(failure)).isFalse();
        }
    }

    private static HikariDataSource pool(String url, String user) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setConnectionTimeout(500);
        config.setInitializationFailTimeout(-1); // start without a connection, as a pool does that outlived its server
        return new HikariDataSource(config);
    }

    private static long sessionId(Kind kind, Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             var result = statement.executeQuery(kind == Kind.POSTGRESQL ? "SELECT pg_backend_pid()" : "SELECT CONNECTION_ID()")) {
            result.next();
            return result.getLong(1);
        }
    }
}
