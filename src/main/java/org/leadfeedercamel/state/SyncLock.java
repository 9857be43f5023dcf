package org.leadfeedercamel.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.leadfeedercamel.run.StopSignal;
import org.leadfeedercamel.sql.Dialect;
import org.leadfeedercamel.sql.SqlStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync at a time per warehouse, across processes and machines: a lock in the database, held on
 * its own connection for the whole run (an advisory lock on PostgreSQL and MariaDB, a locked row on
 * H2). A process that dies loses its connection and with it the lock. A second run waits up to
 * {@code leadfeeder.db-lock-wait-seconds}, then stops with a clear message.
 */
public final class SyncLock {

    private static final Logger LOG = LoggerFactory.getLogger(SyncLock.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    /** Another sync holds the warehouse. */
    public static final class HeldElsewhereException extends IllegalStateException {
        HeldElsewhereException(String message) {
            super(message);
        }
    }

    private final DataSource dataSource;
    private final SqlStatements sql;
    private final Duration wait;
    private final Clock clock;
    private final StopSignal stop;
    private Connection held;

    public SyncLock(DataSource dataSource, SqlStatements sql, Duration wait, Clock clock, StopSignal stop) {
        this.stop = stop;
        this.dataSource = dataSource;
        this.sql = sql;
        this.wait = wait;
        this.clock = clock;
    }

    public synchronized void acquire() throws SQLException, InterruptedException {
        Connection connection = dataSource.getConnection();
        try {
            Instant deadline = clock.instant().plus(wait);
            while (!tryLock(connection)) {
                if (!clock.instant().isBefore(deadline)) {
                    throw new HeldElsewhereException("another sync is running against this warehouse (it holds the "
                            + "sync lock); this run stops. Set leadfeeder.db-lock-wait-seconds to wait for it instead");
                }
                LOG.info("Another sync holds the warehouse; waiting for it");
                // polling the database lock, unless the run is stopped meanwhile (H2 waited its second already)
                stop.pause(sql.dialect() == Dialect.H2 ? Duration.ZERO : POLL);
            }
            held = connection;
        } catch (SQLException | InterruptedException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public synchronized void release() {
        if (held == null) {
            return;
        }
        try (Connection connection = held) {
            held = null;
            if (sql.dialect() == Dialect.H2) {
                connection.rollback();
            } else {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(sql.get("release-sync-lock"));
                }
            }
        } catch (SQLException e) {
            // the database dropped the lock's connection, and the lock went with it
            LOG.warn("The sync lock's connection was already gone: {}", e.getMessage());
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        if (sql.dialect() == Dialect.H2) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // a second at most inside H2, so that a long wait is polled (and a stop noticed) like the others
                statement.execute("SET LOCK_TIMEOUT " + Math.max(1, Math.min(wait.toMillis(), POLL.toMillis())));
                statement.executeQuery(sql.get("acquire-sync-lock")).close();
                return true;
            } catch (SQLException e) {
                if (e.getErrorCode() == 50200) { // H2's lock timeout: the row is held by another session
                    connection.rollback();
                    return false;
                }
                throw e;
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql.get("acquire-sync-lock"))) {
            return result.next() && result.getBoolean(1); // PostgreSQL answers true/false, MariaDB 1/0
        }
    }
}
