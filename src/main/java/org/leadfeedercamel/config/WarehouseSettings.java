package org.leadfeedercamel.config;

import java.time.Duration;

/** The warehouse: its JDBC URL and credentials, the table prefix, the pool, and how long to wait for a connection and for the sync lock. */
public record WarehouseSettings(String url, String user, String password, String tablePrefix, int poolSize,
                                Duration connectTimeout, Duration lockWait) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "WarehouseSettings[url=" + JdbcUrls.withoutPassword(url) + ", tablePrefix=" + tablePrefix + ", poolSize=" + poolSize + "]";
    }
}
