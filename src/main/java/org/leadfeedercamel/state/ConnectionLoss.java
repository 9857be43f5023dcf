package org.leadfeedercamel.state;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a warehouse failure is the connection lost (the server restarting, shutting down or out of
 * reach), which a new connection may cure, rather than anything the statement itself caused. Read from
 * the SQL states and vendor codes anywhere in the failure's chain (Spring and Camel wrap them, a batch
 * chains them as next exceptions). A constraint or data error anywhere in it is never a lost connection,
 * so it is never tried again.
 */
public final class ConnectionLoss {

    /** PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down). */
    private static final Set<String> POSTGRESQL_SHUTDOWN = Set.of("57P01", "57P02", "57P03");
    /**
     * MariaDB and MySQL: ER_CONNECTION_KILLED (SQL state 70100, which a killed query of a live connection
     * shares, hence by code), CR_SERVER_GONE_ERROR, CR_SERVER_LOST. Their server shutdown is 08S01.
     */
    private static final Set<Integer> MARIADB_LOST = Set.of(1927, 2006, 2013);
    /** H2's CONNECTION_BROKEN: its TCP server (AUTO_SERVER) went away. */
    private static final String H2_CONNECTION_BROKEN = "90067";

    private ConnectionLoss() {
    }

    public static boolean is(Throwable failure) {
        boolean lost = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> chain = new ArrayDeque<>();
        add(chain, failure);
        while (!chain.isEmpty()) {
            Throwable t = chain.removeFirst();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException e) {
                String state = e.getSQLState();
                if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                    return false; // data exception or integrity constraint violation: the same rows fail again
                }
                lost |= lost(e, state);
                add(chain, e.getNextException());
            }
            add(chain, t.getCause());
        }
        return lost;
    }

    private static void add(Deque<Throwable> chain, Throwable t) {
        if (t != null) {
            chain.add(t);
        }
    }

    private static boolean lost(SQLException e, String state) {
        if (state == null) {
            // HikariCP's "Connection is not available" when no connection attempt said why; drivers' own socket errors
            return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException;
        }
        return state.startsWith("08") // connection exception: every driver's class for a broken or refused connection
                || POSTGRESQL_SHUTDOWN.contains(state)
                || MARIADB_LOST.contains(e.getErrorCode())
                || H2_CONNECTION_BROKEN.equals(state);
    }
}
