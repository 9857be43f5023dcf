package org.leadfeedercamel.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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
        config.setMaximumPoolSize(4);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    /** Applies the versioned migrations of the dialect; the program migrates at every start. */
    public static void migrate(DataSource dataSource, Dialect dialect) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/" + dialect.folder())
                .table("leadfeeder_schema_history")
                .baselineOnMigrate(false)
                .load()
                .migrate();
    }
}
