package org.leadfeedercamel.sql;

import org.leadfeedercamel.config.ConfigurationException;
import org.leadfeedercamel.config.SyncSettings;

/** The SQL flavour of the warehouse, chosen from its JDBC URL; it names the folders of its SQL files. */
public enum Dialect {
    H2("h2");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** Folder under {@code sql/} and {@code db/migration/} holding this dialect's statements. */
    public String folder() {
        return folder;
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new ConfigurationException(SyncSettings.DB_URL, jdbcUrl.replaceAll("(?i)(password=)[^;&]*", "$1***"),
                "names a database this version does not support (H2)");
    }
}
