package org.leadfeedercamel.config;

import java.time.Duration;

/**
 * The warehouse: its JDBC URL and credentials (or a host's DataSource bean by name), the table prefix,
 * the pool, how long to wait for a connection and for the sync lock, whether the sync migrates it, and
 * how a step that lost its connection is tried again.
 */
public record WarehouseSettings(String url, String user, String password, String tablePrefix, int poolSize,
                                Duration connectTimeout, Duration lockWait, String dataSource, boolean migrate,
                                DbRetrySettings retry) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "WarehouseSettings[url=" + JdbcUrls.withoutPassword(url) + ", tablePrefix=" + tablePrefix + ", poolSize=" + poolSize
                + (dataSource == null ? "" : ", dataSource=" + dataSource) + (migrate ? "" : ", migrate=false") + "]";
    }
}
