package org.leadfeedercamel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadfeedercamel.reliability.ReliabilityReport;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.TestWarehouses.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code check} tells the truth about whether {@code once} will work, and neither it nor {@code status}
 * creates or changes anything: an account the token cannot see, a role that may only read, a schema
 * that does not exist (misspelled), a warehouse not created yet.
 */
@Tag("reliability")
class CheckAndStatusTest {

    @TempDir
    Path work;

    private static Map<String, String> env(LeadfeederSimulator simulator, String url, String user) {
        Map<String, String> env = new HashMap<>(Map.of("LEADFEEDER_API_TOKEN", "check-token", "LEADFEEDER_BASE_API_URL",
                simulator.baseUrl(), "LEADFEEDER_DB_URL", url, "LEADFEEDER_API", "classic"));
        if (user != null) {
            env.put("LEADFEEDER_DB_USER", user);
        }
        return env;
    }

    /** Every table of the warehouse with its row count: what "nothing changed" is checked against. */
    private static Map<String, Integer> contents(JdbcTemplate jdbc, Kind kind) {
        String tables = kind == Kind.MARIADB
                ? "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";
        Map<String, Integer> contents = new HashMap<>();
        for (String table : jdbc.queryForList(tables, String.class)) {
            contents.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class));
        }
        return contents;
    }

    @Test
    void aNewWarehouseIsCheckedAndStatusedWithoutBeingCreated() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("check-token").start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(Kind.POSTGRESQL)) {
            Map<String, String> postgres = env(simulator, warehouse.url(), warehouse.user());
            Map<String, String> h2 = env(simulator, "jdbc:h2:file:" + work.resolve("data/warehouse"), null);

            ConnectorProcess.Result emptyCheck = ConnectorProcess.run(work, postgres, "check");
            ConnectorProcess.Result emptyStatus = ConnectorProcess.run(work, postgres, "status");
            ConnectorProcess.Result h2Check = ConnectorProcess.run(work, h2, "check");
            ConnectorProcess.Result h2Status = ConnectorProcess.run(work, h2, "status");

            assertThat(emptyCheck.exitCode()).as(emptyCheck.output()).isZero();
            assertThat(emptyCheck.output()).contains("database: ok (" + warehouse.url() + ", no leadfeeder tables yet: the first sync creates them)",
                    "api: ok", "accounts: ok");
            assertThat(emptyStatus.exitCode()).as(emptyStatus.output()).isZero();
            assertThat(emptyStatus.output()).contains("nothing synced yet");
            assertThat(contents(new JdbcTemplate(new DriverManagerDataSource(warehouse.url(), warehouse.user(), "")), Kind.POSTGRESQL))
                    .as("check and status created nothing").isEmpty();
            assertThat(h2Check.exitCode()).as(h2Check.output()).isZero();
            assertThat(h2Check.output()).contains("no database there yet; the first sync creates it");
            assertThat(h2Status.exitCode()).isZero();
            assertThat(h2Status.output()).contains("nothing synced yet: no database there");
            try (java.util.stream.Stream<Path> data = Files.list(work.resolve("data"))) {
                assertThat(data.map(file -> file.getFileName().toString())).as("no H2 file beside the log file")
                        .containsExactly("leadfeeder.log");
            }
        }
    }

    @Test
    void aMisspelledSchemaIsReportedAndNotCreated() throws Exception {
        String schema = "lf_misspelled_" + UUID.randomUUID().toString().substring(0, 8);
        String url = "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("check-token").start()) {
            ConnectorProcess.Result check = ConnectorProcess.run(work, env(simulator, url, "postgres"), "check");

            assertThat(check.exitCode()).as(check.output()).isZero();
            assertThat(check.output()).contains("database: ok (" + url + ", schema " + schema + " does not exist yet: the first sync creates it)");
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:5432/test", "postgres", ""));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = ?", Integer.class, schema))
                    .as("check created the schema").isZero();
        }
    }

    @Test
    void anAccountTheTokenCannotSeeFailsTheCheck() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("check-token").start()) {
            Map<String, String> env = env(simulator, "jdbc:h2:file:" + work.resolve("w"), null);
            env.put("LEADFEEDER_ACCOUNT_ID", "100001,424242");

            ConnectorProcess.Result check = ConnectorProcess.run(work, env, "check");

            assertThat(check.exitCode()).isEqualTo(1);
            assertThat(check.output()).contains("api: ok", "accounts: FAILED account 424242 (leadfeeder.account-id) is not among the "
                    + "accounts the credential sees: 100001, 100002").doesNotContain("account 100001 (");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void aRoleThatMayOnlyReadFailsTheCheckAndNothingChanges(Kind kind) throws Exception {
        String role = "lf_reader_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("check-token").start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind)) {
            ConnectorProcess.Result once = ConnectorProcess.run(work, env(simulator, warehouse.url(), warehouse.user()), "once");
            assertThat(once.exitCode()).as(once.output()).isZero();
            JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(warehouse.url(), warehouse.user(), ""));
            String database = warehouse.url().substring(warehouse.url().lastIndexOf('/') + 1);
            String schema = kind == Kind.POSTGRESQL ? warehouse.url().substring(warehouse.url().indexOf("currentSchema=") + 14) : database;
            List<String> grants = kind == Kind.POSTGRESQL
                    ? List.of("CREATE ROLE " + role + " LOGIN", "GRANT USAGE ON SCHEMA " + schema + " TO " + role,
                    "GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + role)
                    : List.of("CREATE USER '" + role + "'@'%' IDENTIFIED BY ''", "GRANT SELECT ON " + database + ".* TO '" + role + "'@'%'");
            grants.forEach(admin::execute);
            Map<String, Integer> before = contents(admin, kind);
            try {
                ConnectorProcess.Result check = ConnectorProcess.run(work, env(simulator, warehouse.url(), role), "check");
                ConnectorProcess.Result status = ConnectorProcess.run(work, env(simulator, warehouse.url(), role), "status");

                assertThat(check.exitCode()).as(check.output()).isEqualTo(1);
                assertThat(check.output()).containsPattern("database: FAILED the role cannot write to leadfeeder_\\w+ \\(.*(denied|Denied).*\\)")
                        .contains("api: ok");
                assertThat(status.exitCode()).as(status.output()).isZero();
                assertThat(status.output()).contains("account 100001", "synced through", "incremental succeeded");
                assertThat(contents(admin, kind)).as("check and status changed nothing").isEqualTo(before);
                ReliabilityReport.record("check with a read-only role (" + kind + ")", "a role granted SELECT only on a synced warehouse",
                        "check exit 1: " + check.output().lines().filter(l -> l.contains("FAILED")).findFirst().orElse("")
                                + "; status read it; no table or row changed");
            } finally {
                (kind == Kind.POSTGRESQL ? List.of("DROP OWNED BY " + role, "DROP ROLE " + role)
                        : List.of("DROP USER '" + role + "'@'%'")).forEach(admin::execute);
            }
        }
    }

    @Test
    void aRoleThatMayNotCreateTablesFailsTheCheckOfANewWarehouse() throws Exception {
        String role = "lf_nocreate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("check-token").start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(Kind.POSTGRESQL)) {
            JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(warehouse.url(), warehouse.user(), ""));
            String schema = warehouse.url().substring(warehouse.url().indexOf("currentSchema=") + 14);
            admin.execute("CREATE ROLE " + role + " LOGIN");
            admin.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
            try {
                ConnectorProcess.Result check = ConnectorProcess.run(work, env(simulator, warehouse.url(), role), "check");

                assertThat(check.exitCode()).as(check.output()).isEqualTo(1);
                assertThat(check.output()).contains("database: FAILED the role may not create tables in " + schema + ", which the next sync needs");
            } finally {
                admin.execute("DROP OWNED BY " + role);
                admin.execute("DROP ROLE " + role);
            }
        }
    }
}
