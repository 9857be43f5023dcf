package org.leadfeedercamel.state;

import com.zaxxer.hikari.HikariDataSource;
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
 *
 * <p>A warehouse restart ends the lock's session, and the lock with it, while the pool reconnects the
 * run's other work unnoticed; so every write first checks the lock ({@link #ensureHeld}), takes it again
 * on a new connection when its session is gone, and stops the run when another sync took it meanwhile.
 */
public final class SyncLock {

    private static final Logger LOG = LoggerFactory.getLogger(SyncLock.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    /** How long the lock's session may take to answer that it is alive. */
    private static final int VALID_SECONDS = 5;

    /** Another sync holds the warehouse. */
    public static final class HeldElsewhereException extends IllegalStateException {
        HeldElsewhereException(String message) {
            super(message);
        }
    }

    /** The run lost its lock with its session (a warehouse restart), and another sync holds it now. */
    public static final class LockLostException extends IllegalStateException {
        LockLostException(String message) {
            super(message);
        }
    }

    private final DataSource dataSource;
    private final SqlStatements sql;
    private final Duration wait;
    private final Clock clock;
    private final WarehouseRetry retry;
    private final StopSignal stop;
    /** Whether a run holds the lock, from acquire to release, even while its session is gone. */
    private boolean owned;
    private Connection held;

    public SyncLock(DataSource dataSource, SqlStatements sql, Duration wait, Clock clock, WarehouseRetry retry, StopSignal stop) {
        this.stop = stop;
        this.dataSource = dataSource;
        this.sql = sql;
        this.wait = wait;
        this.clock = clock;
        this.retry = retry;
    }

    public void acquire() throws Exception {
        retry.call("taking the sync lock", this::acquireOnce);
    }

    private synchronized Void acquireOnce() throws SQLException, InterruptedException {
        Connection connection = dataSource.getConnection();
        try {
            Instant deadline = clock.instant().plus(wait);
            while (!tryLock(connection, wait)) {
                if (!clock.instant().isBefore(deadline)) {
                    throw heldElsewhere();
                }
                LOG.info("Another sync holds the warehouse; waiting for it");
                // polling the database lock, unless the run is stopped meanwhile (H2 waited its second already)
                stop.pause(sql.dialect() == Dialect.H2 ? Duration.ZERO : POLL);
            }
            held = connection;
            owned = true;
            return null;
        } catch (SQLException | InterruptedException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Makes sure the run still holds the lock, before it writes: when the lock's session is gone, the lock
     * is taken again on a new connection, without waiting; when another sync took it meanwhile, the run
     * stops ({@link LockLostException}) rather than write beside it. A write calls this once its own
     * connection is open: a restart after the check breaks that connection too, so the write fails and
     * its retry checks again. Nothing to do outside a run.
     */
    public synchronized void ensureHeld() throws SQLException {
        if (!owned || held != null && held.isValid(VALID_SECONDS)) {
            return;
        }
        if (held != null) {
            discard(held);
            held = null;
        }
        Connection connection = dataSource.getConnection();
        try {
            if (!tryLock(connection, Duration.ZERO)) {
                throw new LockLostException("the warehouse ended this run's session and its sync lock with it (a restart?), "
                        + "and another sync took the lock meanwhile; this run stops rather than write beside it");
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        held = connection;
        LOG.warn("The warehouse ended the sync lock's session (a restart?); the lock is taken again on a new connection");
    }

    public synchronized void release() {
        owned = false;
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

    /**
     * Closes the lock's old connection for good: returned to a pool, a session that only answered slowly
     * would live on, holding the lock the new connection asks for.
     */
    private void discard(Connection connection) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            } else {
                connection.close();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Closing the sync lock's lost connection: {}", e.getMessage());
        }
    }

    private HeldElsewhereException heldElsewhere() {
        return new HeldElsewhereException("another sync is running against this warehouse (it holds the "
                + "sync lock); this run stops. Set leadfeeder.db-lock-wait-seconds to wait for it instead");
    }

    private boolean tryLock(Connection connection, Duration lockWait) throws SQLException {
        if (sql.dialect() == Dialect.H2) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // a second at most inside H2, so that a long wait is polled (and a stop noticed) like the others
                statement.execute("SET LOCK_TIMEOUT " + Math.max(1, Math.min(lockWait.toMillis(), POLL.toMillis())));
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
