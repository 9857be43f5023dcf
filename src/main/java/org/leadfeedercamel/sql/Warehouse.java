package org.leadfeedercamel.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.leadfeedercamel.config.ConfigurationException;
import org.leadfeedercamel.config.JdbcUrls;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.config.WarehouseSettings;

/** Opens the warehouse: a pooled DataSource, migrated to the schema this program expects. */
public final class Warehouse {

    /** What Quartz's job store of clustered scheduling names its tables with ({@code leadfeeder_quartz_LOCKS}, ...). */
    public static final String JOB_STORE_PREFIX = "leadfeeder_quartz_";
    /** The shared state's migration that made the job store's tables before they had a history of their own (PostgreSQL). */
    private static final String SHARED_JOB_STORE_VERSION = "3";

    private Warehouse() {
    }

    /** The JDBC URL of the warehouse behind {@code dataSource}, as a log line may show it: without a password. */
    public static String url(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return JdbcUrls.withoutPassword(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the warehouse: " + e.getMessage(), e);
        }
    }

    /** The warehouse to sync into; an H2 file is created if it is not there yet. */
    public static HikariDataSource open(WarehouseSettings settings) {
        return open(settings, url(settings));
    }

    /**
     * {@link #open} with the pool not connected yet, so that routes can be built on it while another thread
     * {@linkplain #connect connects} and migrates: its first connection opens it.
     */
    public static HikariDataSource openUnconnected(WarehouseSettings settings) {
        HikariDataSource dataSource = new HikariDataSource();
        config(settings, url(settings)).copyStateTo(dataSource);
        return dataSource;
    }

    /** Opens a pool of {@link #openUnconnected}: one line naming the database when it cannot. */
    public static void connect(HikariDataSource dataSource, WarehouseSettings settings) {
        try (Connection ignored = dataSource.getConnection()) {
            // the pool is open
        } catch (SQLException | RuntimeException e) {
            throw unreachable(settings, e);
        }
    }

    private static String url(WarehouseSettings settings) {
        H2File file = usable(H2File.of(settings.url()));
        return file == null ? settings.url() : file.shared();
    }

    /**
     * The warehouse as it is, for commands that only read it ({@code status}, {@code check}): an H2 file
     * that is not there is not created; null then.
     */
    public static HikariDataSource openExisting(WarehouseSettings settings) {
        H2File file = usable(H2File.of(settings.url()));
        if (file != null && !file.exists()) {
            return null;
        }
        return open(settings, file == null ? settings.url() : file.sharedIfExists());
    }

    /** An H2 file whose folder cannot hold it is one line naming the file and why, before H2 prints its traces. */
    private static H2File usable(H2File file) {
        if (file != null && file.folderProblem() != null) {
            throw new IllegalStateException("cannot use the H2 database " + file.database() + ": " + file.folderProblem());
        }
        return file;
    }

    private static HikariDataSource open(WarehouseSettings settings, String url) {
        try {
            return new HikariDataSource(config(settings, url));
        } catch (RuntimeException e) {
            throw unreachable(settings, e);
        }
    }

    private static HikariConfig config(WarehouseSettings settings, String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setPoolName("leadfeeder-warehouse");
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        config.setInitializationFailTimeout(settings.connectTimeout().toMillis());
        config.setAutoCommit(true);
        if (Dialect.of(settings.url()) == Dialect.MARIADB) {
            UtcTimestamps.MARIADB_DRIVER_OPTIONS.forEach(config::addDataSourceProperty);
            config.setConnectionInitSql(UtcTimestamps.MARIADB_SESSION);
        }
        return config;
    }

    /** One line naming the database (without any password) and what the driver said. */
    private static IllegalStateException unreachable(WarehouseSettings settings, Exception e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new IllegalStateException("cannot reach the warehouse " + JdbcUrls.withoutPassword(settings.url()) + ": "
                + String.valueOf(root.getMessage()).lines().findFirst().orElse(""));
    }

    /**
     * Applies the versioned migrations; the program migrates at every start. Two histories: the state
     * tables' and the data tables' ({@code db/tables/<dialect>}, {@code <prefix>schema_history}), so a
     * new prefix on an existing warehouse gets tables of its own. The default instance's state is the
     * warehouse-wide one ({@code db/shared-state/<dialect>}, {@code leadfeeder_schema_history}); a named
     * instance's is its own ({@code db/instance-state/<dialect>}, {@code <prefix>state_history}). None of
     * them is under {@code db/migration}, where a host's own Flyway looks. A warehouse already migrated by
     * a newer version of the program is refused rather than used half-understood, and so is one whose
     * job store a cluster of named instances made before the shared state's V3 would (see
     * {@link #migrateJobStore}).
     */
    public static void migrate(DataSource dataSource, Dialect dialect, Tables names) {
        SqlStatements sql = new SqlStatements(dialect, names);
        if (SchemaHistory.upToDate(dataSource, sql.get(names.sharedState() ? "select-shared-state-history" : "select-instance-state-history"),
                stateLocation(dialect, names))
                && SchemaHistory.upToDate(dataSource, sql.get("select-tables-history"), tablesLocation(dialect))) {
            return; // at this version already, as every start after the first finds it: Flyway is not needed
        }
        Flyway state = stateTables(dataSource, dialect, names);
        MigrationInfoService stateInfo = state.info();
        if (names.sharedState()) {
            requireNoJobStoreBeforeSharedState(dataSource, stateInfo);
        }
        migrate(state, stateInfo);
        Flyway tables = tables(dataSource, dialect, names.dataPrefix());
        if (names.sharedState() && tables.info().current() == null && dataTablesExist(dataSource, names.dataPrefix())) {
            // made by the shared state's V1 and V4 before the data tables had a history of their own
            Flyway.configure().configuration(tables.getConfiguration()).baselineVersion("1")
                    .baselineDescription("data tables of db/migration V1 and V4").load().baseline();
        }
        migrate(tables, tables.info());
    }

    /**
     * Creates the tables of Quartz's job store, for clustered scheduling ({@code db/job-store/<dialect>},
     * history {@code leadfeeder_job_store_history}). A cluster of named instances alone has no shared
     * state, whose PostgreSQL V3 made them for the default instance; the DDL's IF NOT EXISTS leaves a
     * warehouse that V3 gave them as it is.
     */
    public static void migrateJobStore(DataSource dataSource, Dialect dialect) {
        Flyway jobStore = flyway(dataSource, "db/job-store/" + dialect.folder(), "leadfeeder_job_store_history", JOB_STORE_PREFIX);
        migrate(jobStore, jobStore.info());
    }

    /**
     * The shared state's V3 creates the job store's tables without IF NOT EXISTS (shipped so, it cannot
     * change): where a cluster of named instances made them already, it would fail on "already exists".
     * Refused before, with what to do: the tables hold no more than the schedule, which the nodes make again.
     */
    private static void requireNoJobStoreBeforeSharedState(DataSource dataSource, MigrationInfoService sharedState) {
        boolean jobStoreMigrationPending = Arrays.stream(sharedState.pending())
                .anyMatch(m -> SHARED_JOB_STORE_VERSION.equals(m.getVersion().getVersion()));
        if (jobStoreMigrationPending && tableExists(dataSource, JOB_STORE_PREFIX + "LOCKS")) {
            throw new IllegalStateException("the warehouse already has the job store tables " + JOB_STORE_PREFIX + "* (made for "
                    + "clustered named instances), which the default instance's migration V3 creates: stop every clustered node, "
                    + "drop the " + JOB_STORE_PREFIX + "* tables, then start again (the schedule is made anew)");
        }
    }

    /**
     * For a host that applies the shipped SQL with its own tool ({@code migrate=false}): the tables must
     * be at this version already; {@code key} is the setting to name when they are not.
     */
    public static void requireMigrated(DataSource dataSource, Dialect dialect, Tables names, String key) {
        SchemaState state = state(dataSource, dialect, names);
        if (state.newer() || !state.migrated()) {
            throw new ConfigurationException(key, "false", "but the warehouse is not at this version ("
                    + state.describe(names.dataPrefix()) + "): apply the SQL of db/" + (names.sharedState() ? "shared-state" : "instance-state")
                    + "/" + dialect.folder() + " and db/tables/" + dialect.folder() + " in the jar, or let the sync migrate");
        }
    }

    /** {@link #migrate(DataSource, Dialect, Tables)} of the default instance. */
    public static void migrate(DataSource dataSource, Dialect dialect, String tablePrefix) {
        migrate(dataSource, dialect, Tables.shared(tablePrefix));
    }

    /**
     * Where the warehouse's schema stands against this program's migrations, read without creating or
     * changing anything (for {@code status} and {@code check}).
     */
    public static SchemaState state(DataSource dataSource, Dialect dialect, Tables names) {
        return new SchemaState(history(stateTables(dataSource, dialect, names)),
                history(tables(dataSource, dialect, names.dataPrefix())), dataTablesExist(dataSource, names.dataPrefix()));
    }

    /** {@link #state(DataSource, Dialect, Tables)} of the default instance. */
    public static SchemaState state(DataSource dataSource, Dialect dialect, String tablePrefix) {
        return state(dataSource, dialect, Tables.shared(tablePrefix));
    }

    private static SchemaState.History history(Flyway flyway) {
        MigrationInfoService info = flyway.info();
        MigrationInfo current = info.current();
        return new SchemaState.History(current == null ? null : current.getVersion().getVersion(), info.pending().length,
                current != null && current.getState() == MigrationState.FUTURE_SUCCESS);
    }

    /**
     * The state tables' migrations: the shared state's, one history per warehouse (its V6 records the
     * data prefix of the runs before it), or a named instance's own.
     */
    private static Flyway stateTables(DataSource dataSource, Dialect dialect, Tables names) {
        return names.sharedState()
                ? flyway(dataSource, stateLocation(dialect, names), "leadfeeder_schema_history", names.dataPrefix())
                : flyway(dataSource, stateLocation(dialect, names), names.statePrefix() + "state_history", names.statePrefix());
    }

    private static String stateLocation(Dialect dialect, Tables names) {
        return (names.sharedState() ? "db/shared-state/" : "db/instance-state/") + dialect.folder();
    }

    /** The data tables' migrations, one history per table prefix. */
    private static Flyway tables(DataSource dataSource, Dialect dialect, String tablePrefix) {
        return flyway(dataSource, tablesLocation(dialect), tablePrefix + "schema_history", tablePrefix);
    }

    private static String tablesLocation(Dialect dialect) {
        return "db/tables/" + dialect.folder();
    }

    private static Flyway flyway(DataSource dataSource, String location, String historyTable, String tablePrefix) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + location)
                .table(historyTable)
                .placeholders(Map.of("prefix", tablePrefix))
                // a schema holding other tables (the estate's own) and none of ours yet: all our migrations apply
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    /** {@code info} is {@code flyway}'s, read once: each info() reads the history table. */
    private static void migrate(Flyway flyway, MigrationInfoService info) {
        MigrationInfo current = info.current();
        String newest = Arrays.stream(info.all()).filter(m -> m.getState().isResolved())
                .map(m -> m.getVersion().getVersion()).reduce((first, second) -> second).orElse("0");
        if (current != null && current.getState() == MigrationState.FUTURE_SUCCESS) {
            throw new IllegalStateException("the warehouse schema is at version " + current.getVersion()
                    + ", newer than this program's " + newest + "; run a newer leadfeeder-camel against it");
        }
        if (info.pending().length > 0 || current == null) {
            try {
                flyway.migrate();
            } catch (FlywayException e) {
                if (current != null) {
                    throw e;
                }
                // Nodes started together on a new warehouse: another one made the history table between Flyway's look for
                // it and its own create ("already exists"). Now that the table is there, Flyway's lock on it orders the
                // nodes: one migrates, the others wait and find it done.
                flyway.migrate();
            }
        }
    }

    /** Whether the prefix's data tables are there (its visits table), in the connection's schema. */
    static boolean dataTablesExist(DataSource dataSource, String tablePrefix) {
        return tableExists(dataSource, tablePrefix + "visits");
    }

    /** Whether the table is there, in the connection's schema, its unquoted name spelt as the database keeps it. */
    private static boolean tableExists(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT)
                    : meta.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
            String escape = meta.getSearchStringEscape();
            String pattern = escape == null ? name : name.replace("_", escape + "_");
            try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), pattern, new String[] {"TABLE"})) {
                return tables.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the warehouse's tables: " + e.getMessage(), e);
        }
    }
}
