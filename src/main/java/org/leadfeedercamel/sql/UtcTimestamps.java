package org.leadfeedercamel.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.leadfeedercamel.config.JdbcUrls;
import org.leadfeedercamel.config.ConfigurationException;
import org.leadfeedercamel.config.SyncSettings;

/**
 * Timestamps are stored as the instants they are, whatever the JVM's or the database session's time
 * zone. PostgreSQL's {@code timestamptz} and H2's {@code TIMESTAMP WITH TIME ZONE} take instants as
 * they are bound; MariaDB's {@code TIMESTAMP} reads a wall time in the session's zone, which its driver
 * writes in the JVM's zone unless told otherwise. So a MariaDB warehouse is used only through sessions
 * that store UTC: the runner's own pool sets them up ({@link #MARIADB_DRIVER_OPTIONS}, {@link #MARIADB_SESSION}),
 * and any DataSource (a host's too) is checked once at start, so a shift is refused rather than stored.
 */
public final class UtcTimestamps {

    /** MariaDB Connector/J options: convert instants in UTC, not in the JVM's time zone. */
    public static final java.util.Map<String, String> MARIADB_DRIVER_OPTIONS = java.util.Map.of(
            "connectionTimeZone", "UTC", "preserveInstants", "true");
    /** Run on every new connection, after the driver's own set-up (and any sessionVariables of the URL). */
    public static final String MARIADB_SESSION = "SET time_zone = '+00:00'";

    private static final Instant PROBE = Instant.parse("2025-04-30T00:20:23.517Z");
    private static final long WINTER_NOON = Instant.parse("2025-01-15T12:00:00Z").getEpochSecond();
    private static final long SUMMER_NOON = Instant.parse("2025-07-15T12:00:00Z").getEpochSecond();

    private UtcTimestamps() {
    }

    /** Refuses, in one line naming the key, a warehouse whose sessions would store shifted timestamps. */
    public static void require(DataSource dataSource, Dialect dialect) {
        if (dialect != Dialect.MARIADB) {
            return;
        }
        SqlStatements sql = new SqlStatements(dialect, "");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement probe = connection.prepareStatement(sql.get("check-utc-timestamps"))) {
            probe.setObject(1, PROBE.atOffset(ZoneOffset.UTC));
            probe.setTimestamp(2, Timestamp.from(PROBE));
            try (ResultSet result = probe.executeQuery()) {
                result.next();
                long shift = millis(result, 1) - PROBE.toEpochMilli();
                long timestampShift = millis(result, 2) - PROBE.toEpochMilli();
                long sessionShift = Math.max(Math.abs(millis(result, 3) - WINTER_NOON * 1000),
                        Math.abs(millis(result, 4) - SUMMER_NOON * 1000));
                if (shift != 0 || timestampShift != 0 || sessionShift != 0) {
                    throw new ConfigurationException(SyncSettings.DB_URL, JdbcUrls.withoutPassword(connection.getMetaData().getURL()),
                            "gives MariaDB sessions that would store "
                            + "timestamps shifted by " + (shift != 0 ? shift : timestampShift != 0 ? timestampShift : sessionShift) / 1000
                            + " s (session time zone or driver conversion not UTC); connect with connectionTimeZone=UTC&preserveInstants=true"
                            + " and sessionVariables=time_zone='+00:00'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the warehouse: " + e.getMessage(), e);
        }
    }

    /** An epoch-seconds answer (with fractions) in milliseconds. */
    private static long millis(ResultSet result, int column) throws SQLException {
        return result.getBigDecimal(column).movePointRight(3).longValue();
    }
}
