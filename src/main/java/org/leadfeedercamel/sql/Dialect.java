package org.leadfeedercamel.sql;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.leadfeedercamel.config.ConfigurationException;
import org.leadfeedercamel.config.JdbcUrls;
import org.leadfeedercamel.config.SyncSettings;

/** The SQL flavour of the warehouse, chosen from its JDBC URL; it names the folders of its SQL files. */
public enum Dialect {
    H2("h2"),
    POSTGRESQL("postgresql"),
    /** MariaDB, and MySQL through the MariaDB driver. */
    MARIADB("mariadb");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** Folder under {@code sql/} and the migrations' folders under {@code db/} holding this dialect's statements. */
    public String folder() {
        return folder;
    }

    /** The dialect of the database behind a DataSource, read from its connection's metadata. */
    public static Dialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the warehouse: " + e.getMessage(), e);
        }
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        throw new ConfigurationException(SyncSettings.DB_URL, JdbcUrls.withoutPassword(jdbcUrl),
                "names a database this version does not support (jdbc:h2:, jdbc:postgresql:, jdbc:mariadb:)");
    }
}
