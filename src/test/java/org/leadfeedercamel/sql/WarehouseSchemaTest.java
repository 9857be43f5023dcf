package org.leadfeedercamel.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.sql.TestWarehouses.Kind;
import org.leadfeedercamel.sql.TestWarehouses.TestWarehouse;
import org.springframework.jdbc.core.JdbcTemplate;

/** The migrations give each database the column types intended for it, honour the table prefix, and refuse a newer schema. */
class WarehouseSchemaTest {

    private static HikariDataSource open(TestWarehouse warehouse, String prefix) {
        HikariDataSource dataSource = openUnmigrated(warehouse, prefix);
        Warehouse.migrate(dataSource, Dialect.of(dataSource), prefix);
        return dataSource;
    }

    private static HikariDataSource openUnmigrated(TestWarehouse warehouse, String prefix) {
        Map<String, String> values = new HashMap<>();
        values.put(SyncSettings.DB_URL, warehouse.url());
        if (warehouse.user() != null) {
            values.put(SyncSettings.DB_USER, warehouse.user());
        }
        values.put(SyncSettings.TABLE_PREFIX, prefix);
        SyncSettings settings = SyncSettings.read(key -> Optional.ofNullable(values.get(key)));
        return Warehouse.open(settings.warehouse());
    }

    /** The job store's tables in the warehouse's schema, as the database names them. */
    private static List<String> jobStoreTables(JdbcTemplate jdbc, Kind kind) {
        String schema = kind == Kind.MARIADB ? "DATABASE()" : "current_schema()";
        return jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = " + schema
                + " AND table_name LIKE 'leadfeeder\\_quartz\\_%'", String.class);
    }

    /** Column → data type as the database's own catalog names it, lower-case. */
    private static Map<String, String> columnTypes(JdbcTemplate jdbc, Kind kind, String table) {
        String sql = switch (kind) {
            case H2 -> "SELECT LOWER(COLUMN_NAME) AS c, LOWER(DATA_TYPE) AS t FROM INFORMATION_SCHEMA.COLUMNS WHERE LOWER(TABLE_NAME) = ?";
            case POSTGRESQL -> "SELECT column_name AS c, data_type AS t FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?";
            case MARIADB -> "SELECT LOWER(COLUMN_NAME) AS c, LOWER(DATA_TYPE) AS t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?";
        };
        Map<String, String> types = new HashMap<>();
        jdbc.queryForList(sql, table).forEach(row -> types.put(String.valueOf(row.get("c")).toLowerCase(Locale.ROOT),
                String.valueOf(row.get("t")).toLowerCase(Locale.ROOT)));
        return types;
    }

    /**
     * Nodes of a cluster started together on a new, empty warehouse migrate it side by side: a node that looked for a
     * history table another then created (so the schema was no longer empty, and Flyway baselined) failed on "already
     * exists, and is empty". A race, so tried on several new warehouses; before the fix it failed within them.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void nodesStartedTogetherOnANewWarehouseEachMigrateIt(Kind kind) throws Exception {
        int nodes = 4;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            for (int round = 0; round < 6; round++) {
                try (TestWarehouse warehouse = TestWarehouses.fresh(kind)) {
                    List<HikariDataSource> dataSources = new ArrayList<>();
                    for (int n = 0; n < nodes; n++) {
                        dataSources.add(openUnmigrated(warehouse, "raw_leadfeeder_"));
                    }
                    try {
                        CyclicBarrier together = new CyclicBarrier(nodes);
                        List<Future<?>> migrations = new ArrayList<>();
                        for (HikariDataSource dataSource : dataSources) {
                            migrations.add(pool.submit(() -> {
                                together.await();
                                Warehouse.migrate(dataSource, Dialect.of(dataSource), "raw_leadfeeder_");
                                return null;
                            }));
                        }
                        for (Future<?> migration : migrations) {
                            migration.get(); // a node's failure is thrown here
                        }
                        assertThat(Warehouse.state(dataSources.get(0), Dialect.of(dataSources.get(0)), "raw_leadfeeder_").migrated())
                                .as("round " + round).isTrue();
                    } finally {
                        dataSources.forEach(HikariDataSource::close);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void columnsHaveTheTypesIntendedForEachDatabase(Kind kind) {
        try (TestWarehouse warehouse = TestWarehouses.fresh(kind); HikariDataSource dataSource = open(warehouse, "raw_leadfeeder__")) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            Map<String, String> visits = columnTypes(jdbc, kind, "raw_leadfeeder__visits");
            Map<String, String> leads = columnTypes(jdbc, kind, "raw_leadfeeder__leads");
            String timestamp = switch (kind) {
                case H2 -> "timestamp with time zone";
                case POSTGRESQL -> "timestamp with time zone";
                case MARIADB -> "timestamp";
            };
            String json = switch (kind) {
                case H2 -> "character varying";
                case POSTGRESQL -> "jsonb";
                case MARIADB -> "longtext"; // MariaDB's JSON is LONGTEXT with a JSON_VALID check
            };
            String text = switch (kind) {
                case H2 -> "character varying";
                case POSTGRESQL -> "text";
                case MARIADB -> "longtext";
            };
            assertThat(visits).containsEntry("started_at", timestamp).containsEntry("_synced_at", timestamp)
                    .containsEntry("visit_date", "date").containsEntry("ga_client_ids", json).containsEntry("_extra", json)
                    .containsEntry("landing_page_path", text).containsEntry("referring_url", text);
            assertThat(visits.get("page_depth")).isIn("integer", "int");
            assertThat(visits.get("visit_hour")).isIn("integer", "int");
            assertThat(leads).containsEntry("first_visit_date", "date").containsEntry("industries", json)
                    .containsEntry("tags", json).containsEntry("view_in_leadfeeder", text);
            assertThat(columnTypes(jdbc, kind, "raw_leadfeeder__visit_routs")).containsEntry("page_url", text).containsEntry("page_title", text);
            if (kind == Kind.MARIADB) {
                assertThat(jdbc.queryForObject("SELECT TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() "
                        + "AND TABLE_NAME = 'raw_leadfeeder__visits'", String.class)).isEqualTo("utf8mb4_bin");
                assertThat(jdbc.queryForList("SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() "
                        + "AND TABLE_NAME = 'raw_leadfeeder__visits'", String.class)).anySatisfy(c -> assertThat(c).contains("json_valid"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theTablePrefixNamesTheDataTables(Kind kind) {
        try (TestWarehouse warehouse = TestWarehouses.fresh(kind); HikariDataSource dataSource = open(warehouse, "lf_")) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);

            assertThat(columnTypes(jdbc, kind, "lf_visits")).containsKey("visit_id");
            assertThat(columnTypes(jdbc, kind, "raw_leadfeeder__visits")).isEmpty();
            assertThat(columnTypes(jdbc, kind, "leadfeeder_sync_runs")).containsKey("run_id");
            assertThat(new SqlStatements(Dialect.of(dataSource), "lf_").get("upsert-visits")).contains("lf_visits").doesNotContain("${prefix}");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSchemaNewerThanTheProgramIsRefusedWithAClearLine(Kind kind) {
        // the newest migrations: V6 of the operational tables in every dialect (V3, the clustered scheduler's
        // tables, is PostgreSQL's alone; V5 is not MariaDB's), V1 of each prefix's data tables
        Map<String, Integer> newest = Map.of("leadfeeder_schema_history", 6, "raw_leadfeeder__schema_history", 1);
        for (Map.Entry<String, Integer> history : newest.entrySet()) {
            try (TestWarehouse warehouse = TestWarehouses.fresh(kind); HikariDataSource dataSource = open(warehouse, "raw_leadfeeder__")) {
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                // Flyway quotes its history table's lower-case names on H2
                String q = kind == Kind.H2 ? "\"" : "";
                String columns = java.util.stream.Stream.of("installed_rank", "version", "description", "type", "script", "checksum",
                        "installed_by", "execution_time", "success").map(c -> q + c + q).collect(java.util.stream.Collectors.joining(", "));
                jdbc.update("INSERT INTO " + q + history.getKey() + q + " (" + columns + ") VALUES (99, '99', 'from the future', "
                        + "'SQL', 'V99__from_the_future.sql', 0, 'test', 0, " + (kind == Kind.MARIADB ? "1" : "true") + ")");

                assertThatThrownBy(() -> Warehouse.migrate(dataSource, Dialect.of(dataSource), "raw_leadfeeder__"))
                        .as(history.getKey()).hasMessage("the warehouse schema is at version 99, newer than this program's "
                                + history.getValue() + "; run a newer leadfeeder-camel against it");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSchemaHoldingTheEstatesOwnTablesGetsOursBesideThem(Kind kind) {
        try (TestWarehouse warehouse = TestWarehouses.fresh(kind)) {
            Map<String, String> values = new HashMap<>();
            values.put(SyncSettings.DB_URL, warehouse.url());
            if (warehouse.user() != null) {
                values.put(SyncSettings.DB_USER, warehouse.user());
            }
            try (HikariDataSource dataSource = Warehouse.open(SyncSettings.read(key -> Optional.ofNullable(values.get(key))).warehouse())) {
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                jdbc.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)");
                jdbc.update("INSERT INTO orders (id) VALUES (1)");

                Warehouse.migrate(dataSource, Dialect.of(dataSource), "raw_leadfeeder__");

                assertThat(columnTypes(jdbc, kind, "raw_leadfeeder__visits")).containsKey("visit_id");
                assertThat(columnTypes(jdbc, kind, "raw_leadfeeder__visit_routs")).containsKey("event_type");
                assertThat(columnTypes(jdbc, kind, "leadfeeder_sync_runs")).containsKey("table_prefix");
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders", Integer.class)).isEqualTo(1);
            }
        }
    }

    /**
     * Clustered scheduling makes Quartz's job store whether or not the default instance's state is there:
     * after it (PostgreSQL's V3 made the tables; IF NOT EXISTS leaves them) or with named instances
     * alone, and a default instance may come later where its state has no such migration (MariaDB).
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void theJobStoreIsThereWithOrWithoutTheDefaultInstancesState(Kind kind) {
        try (TestWarehouse warehouse = TestWarehouses.fresh(kind); HikariDataSource dataSource = open(warehouse, "raw_leadfeeder__")) {
            Warehouse.migrateJobStore(dataSource, Dialect.of(dataSource));
            assertThat(jobStoreTables(new JdbcTemplate(dataSource), kind)).hasSize(11);
        }
        try (TestWarehouse warehouse = TestWarehouses.fresh(kind);
             HikariDataSource dataSource = openUnmigrated(warehouse, "raw_leadfeeder__")) {
            Dialect dialect = Dialect.of(dataSource);
            Warehouse.migrateJobStore(dataSource, dialect);
            Warehouse.migrateJobStore(dataSource, dialect); // every start applies it: the second finds it done
            assertThat(jobStoreTables(new JdbcTemplate(dataSource), kind)).hasSize(11);
            if (kind == Kind.MARIADB) {
                Warehouse.migrate(dataSource, dialect, "raw_leadfeeder__");
            }
        }
    }

    /**
     * On PostgreSQL the default instance's V3 creates the job store's tables, without IF NOT EXISTS: where
     * a cluster of named instances made them already, its migration is refused with what to do, and doing it works.
     */
    @Test
    void aDefaultInstanceAfterAJobStoreOfNamedInstancesSaysWhatToDo() {
        try (TestWarehouse warehouse = TestWarehouses.fresh(Kind.POSTGRESQL);
             HikariDataSource dataSource = openUnmigrated(warehouse, "raw_leadfeeder__")) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            Warehouse.migrateJobStore(dataSource, Dialect.POSTGRESQL);

            assertThatThrownBy(() -> Warehouse.migrate(dataSource, Dialect.POSTGRESQL, "raw_leadfeeder__")).hasMessage(
                    "the warehouse already has the job store tables leadfeeder_quartz_* (made for clustered named instances), which "
                            + "the default instance's migration V3 creates: stop every clustered node, drop the leadfeeder_quartz_* "
                            + "tables, then start again (the schedule is made anew)");
            assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                    + "AND table_name = 'leadfeeder_sync_runs'")).as("refused before anything was made").isEmpty();

            jobStoreTables(jdbc, Kind.POSTGRESQL).forEach(table -> jdbc.execute("DROP TABLE " + table + " CASCADE"));
            Warehouse.migrate(dataSource, Dialect.POSTGRESQL, "raw_leadfeeder__");
            Warehouse.migrateJobStore(dataSource, Dialect.POSTGRESQL);
            assertThat(jobStoreTables(jdbc, Kind.POSTGRESQL)).hasSize(11);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aWarehouseAtThisVersionIsToldSoWithoutFlyway(Kind kind) {
        try (TestWarehouse warehouse = TestWarehouses.fresh(kind); HikariDataSource dataSource = openUnmigrated(warehouse, "raw_leadfeeder__")) {
            Dialect dialect = Dialect.of(dataSource);
            SqlStatements sql = new SqlStatements(dialect, "raw_leadfeeder__");
            String state = sql.get("select-shared-state-history");
            String tables = sql.get("select-tables-history");
            assertThat(SchemaHistory.upToDate(dataSource, state, "db/shared-state/" + dialect.folder())).as("no history yet").isFalse();

            Warehouse.migrate(dataSource, dialect, "raw_leadfeeder__");

            assertThat(SchemaHistory.upToDate(dataSource, state, "db/shared-state/" + dialect.folder())).isTrue();
            assertThat(SchemaHistory.upToDate(dataSource, tables, "db/tables/" + dialect.folder())).isTrue();
            String quote = kind == Kind.MARIADB ? "`" : "\"";
            new JdbcTemplate(dataSource).update("UPDATE " + quote + "leadfeeder_schema_history" + quote + " SET " + quote + "success"
                    + quote + " = false WHERE " + quote + "version" + quote + " = '6'");
            assertThat(SchemaHistory.upToDate(dataSource, state, "db/shared-state/" + dialect.folder())).as("a failed migration").isFalse();
        }
    }

    @Test
    void theNewestMigrationIsReadFromAFolderAndFromAJar(@TempDir Path dir) throws Exception {
        assertThat(SchemaHistory.newest(getClass().getClassLoader(), "db/shared-state/h2")).hasValue(6);
        assertThat(SchemaHistory.newest(getClass().getClassLoader(), "db/tables/postgresql")).hasValue(1);
        Path jar = dir.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : List.of("db/x/", "db/x/V1__first.sql", "db/x/V12__twelfth.sql", "db/x/V3__third.sql", "db/x/README.md",
                    "db/xy/V99__other_folder.sql")) {
                out.putNextEntry(new JarEntry(entry));
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(SchemaHistory.newest(loader, "db/x")).hasValue(12);
            assertThat(SchemaHistory.newest(loader, "db/none")).isEmpty();
        }
    }
}
