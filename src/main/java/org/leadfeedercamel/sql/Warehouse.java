package org.leadfeedercamel.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.leadfeedercamel.config.SyncSettings;

/** Opens the warehouse: a pooled DataSource, migrated to the schema this program expects. */
public final class Warehouse {

    private Warehouse() {
    }

    public static HikariDataSource open(SyncSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.dbUrl());
        config.setUsername(settings.dbUser());
        config.setPassword(settings.dbPassword());
        config.setPoolName("leadfeeder-warehouse");
        config.setMaximumPoolSize(settings.dbPoolSize());
        config.setConnectionTimeout(settings.dbConnectTimeout().toMillis());
        config.setInitializationFailTimeout(settings.dbConnectTimeout().toMillis());
        config.setAutoCommit(true);
        if (Dialect.of(settings.dbUrl()) == Dialect.MARIADB) {
            UtcTimestamps.MARIADB_DRIVER_OPTIONS.forEach(config::addDataSourceProperty);
            config.setConnectionInitSql(UtcTimestamps.MARIADB_SESSION);
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            // one line naming the database (without any password) and what the driver said
            throw new IllegalStateException("cannot reach the warehouse " + Dialect.withoutPassword(settings.dbUrl()) + ": "
                    + String.valueOf(root.getMessage()).lines().findFirst().orElse(""));
        }
    }

    /**
     * Applies the versioned migrations of the dialect; the program migrates at every start. A warehouse
     * already migrated by a newer version of the program is refused rather than used half-understood.
     */
    public static void migrate(DataSource dataSource, Dialect dialect, String tablePrefix) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + dialect.folder())
                .table("leadfeeder_schema_history")
                .placeholders(Map.of("prefix", tablePrefix))
                .baselineOnMigrate(false)
                .load();
        MigrationInfo[] pending = flyway.info().pending();
        MigrationInfo current = flyway.info().current();
        String newest = java.util.Arrays.stream(flyway.info().all()).filter(m -> m.getState().isResolved())
                .map(m -> m.getVersion().getVersion()).reduce((first, second) -> second).orElse("0");
        if (current != null && current.getState() == MigrationState.FUTURE_SUCCESS) {
            throw new IllegalStateException("the warehouse schema is at version " + current.getVersion()
                    + ", newer than this program's " + newest + "; run a newer leadfeeder-camel against it");
        }
        if (pending.length > 0 || current == null) {
            flyway.migrate();
        }
    }
}
