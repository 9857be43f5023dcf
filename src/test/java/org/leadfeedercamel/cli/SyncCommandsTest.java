package org.leadfeedercamel.cli;

import org.leadfeedercamel.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.sql.TestWarehouses;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The sync commands, each run as its own JVM the way a user runs them. */
@Tag("reliability")
class SyncCommandsTest {

    @TempDir
    Path work;

    private static int count(String dbUrl, String table) throws Exception {
        try (Connection c = DriverManager.getConnection(dbUrl); ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void withoutATokenOnceSyncsTheDemoSimulatorIntoDataAndSaysSo() throws Exception {
        ConnectorProcess.Result once = ConnectorProcess.run(work, Map.of(), "once");

        assertThat(once.exitCode()).as(once.output()).isZero();
        assertThat(once.output()).contains("DEMO MODE", "raw_leadfeeder__visits", "raw_leadfeeder__visit_routs",
                "raw_leadfeeder__leads", "raw_leadfeeder__locations", "raw_leadfeeder__accounts", "succeeded");
        assertThat(work.resolve("data/leadfeeder.mv.db")).exists();
        assertThat(count("jdbc:h2:file:" + work.resolve("data/leadfeeder"), "raw_leadfeeder__visits")).isGreaterThan(1_000);

        ConnectorProcess.Result status = ConnectorProcess.run(work, Map.of(), "status");
        assertThat(status.exitCode()).isZero();
        assertThat(status.output()).contains("account 100001", "visits", "synced through", "incremental succeeded")
                .containsPattern("synced through \\d{4}-\\d\\d-\\d\\d +lag 0h 0m") // the demo data runs through today
                .containsPattern(" on \\d+@\\S+  classic API, requests \\d+"); // the node that ran it, and the API
    }

    @ParameterizedTest
    @CsvSource({"once", "check"})
    void withoutATokenAConfiguredWarehouseOrApiIsAConfigurationErrorAndNothingIsWritten(String command) throws Exception {
        try (TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(TestWarehouses.Kind.POSTGRESQL)) {
            Map<String, String> postgres = Map.of("LEADFEEDER_DB_URL", warehouse.url(), "LEADFEEDER_DB_USER", warehouse.user());
            Map<String, String> emptyToken = new java.util.HashMap<>(postgres);
            emptyToken.put("LEADFEEDER_API_TOKEN", ""); // a secret that failed to mount
            Map<String, String> api = Map.of("LEADFEEDER_BASE_API_URL", "http://127.0.0.1:9");
            for (Map<String, String> env : List.of(postgres, emptyToken, api)) {
                ConnectorProcess.Result result = ConnectorProcess.run(work, env, command);

                assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
                String line = result.output().strip();
                assertThat(line).startsWith("Configuration error: leadfeeder.api-token: (not set) is needed: leadfeeder.")
                        .contains("set LEADFEEDER_API_TOKEN").doesNotContain("\n").doesNotContain("DEMO");
                assertThat(line).contains(env == api ? "leadfeeder.base-api-url is http://127.0.0.1:9" : "leadfeeder.db-url is " + warehouse.url());
            }
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(warehouse.url(), warehouse.user(), ""));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()",
                    Integer.class)).as("tables in the configured warehouse").isZero();
            assertThat(work.resolve("data")).doesNotExist();
            if (command.equals("once")) {
                ReliabilityReport.record("No token beside a configured warehouse", "LEADFEEDER_API_TOKEN unset or empty with "
                        + "LEADFEEDER_DB_URL at PostgreSQL, or with LEADFEEDER_BASE_API_URL set; once and check",
                        "exit 2 with one line naming leadfeeder.api-token and what points at a real system; no demo rows, "
                                + "no tables created, nothing under ./data");
            }
        }
    }

    @Test
    void demoModeSyncsTheSimulatorsUnifiedApiWhenAskedFor() throws Exception {
        ConnectorProcess.Result once = ConnectorProcess.run(work, Map.of("LEADFEEDER_API", "v1"), "once");

        assertThat(once.exitCode()).as(once.output()).isZero();
        assertThat(once.output()).contains("DEMO MODE", "succeeded").doesNotContain(LeadfeederSimulator.DEFAULT_API_KEY);
        String db = "jdbc:h2:file:" + work.resolve("data/leadfeeder");
        assertThat(count(db, "raw_leadfeeder__visits")).isGreaterThan(1_000);
        assertThat(count(db, "raw_leadfeeder__visit_routs WHERE event_type = 'page-view'")).isEqualTo(count(db, "raw_leadfeeder__visit_routs"));

        ConnectorProcess.Result status = ConnectorProcess.run(work, Map.of("LEADFEEDER_API", "v1"), "status");
        assertThat(status.output()).containsPattern("v1 API, requests (\\d+) \\(\\1 this month\\)");
    }

    @Test
    void aTokenAndBaseUrlSyncThatServerIntoTheConfiguredDatabase() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("real-looking-token").start()) {
            String db = "jdbc:h2:file:" + work.resolve("warehouse");
            ConnectorProcess.Result once = ConnectorProcess.run(work, Map.of("LEADFEEDER_API_TOKEN", "real-looking-token",
                    "LEADFEEDER_BASE_API_URL", simulator.baseUrl(), "LEADFEEDER_DB_URL", db, "LEADFEEDER_ACCOUNT_ID", "100002"), "once");

            assertThat(once.exitCode()).as(once.output()).isZero();
            assertThat(once.output()).doesNotContain("DEMO MODE").doesNotContain("real-looking-token");
            assertThat(count(db, "raw_leadfeeder__visits")).isEqualTo(simulator.dataset().visits("100002",
                    simulator.dataset().firstDay("100002"), simulator.dataset().lastDay("100002"), 0, 0).total());
        }
    }

    @Test
    void theSeedConfigurationFileIsReadAsItIs() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("seed-token").start()) {
            Path config = work.resolve("configuration.json");
            Files.writeString(config, """
                    {
                      "start_date_override": "%s",
                      "page_size": "50",
                      "LEADFEEDER_API_TOKEN": "seed-token",
                      "LEADFEEDER_ACCOUNT_ID": "100001",
                      "LEADFEEDER_BASE_API_URL": "%s"
                    }
                    """.formatted(simulator.dataset().lastDay("100001").minusDays(6), simulator.baseUrl()));
            String db = "jdbc:h2:file:" + work.resolve("seed");

            ConnectorProcess.Result once = ConnectorProcess.run(work, Map.of("LEADFEEDER_DB_URL", db), "once", "--config", config.toString());

            assertThat(once.exitCode()).as(once.output()).isZero();
            assertThat(once.output()).doesNotContain("DEMO MODE");
            assertThat(count(db, "raw_leadfeeder__visits")).isEqualTo(simulator.dataset().visits("100001",
                    simulator.dataset().lastDay("100001").minusDays(6), simulator.dataset().lastDay("100001"), 0, 0).total());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LEADFEEDER_PAGE_SIZE|500|leadfeeder.page-size: '500' is not between 1 and 100",
        "LEADFEEDER_START_DATE|2024-02-30|leadfeeder.start-date: '2024-02-30' is not a date (YYYY-MM-DD)",
        "LEADFEEDER_SCHEDULE|0 0 25 * * ?|leadfeeder.schedule: '0 0 25 * * ?' is not a Quartz cron expression (e.g. '0 0 * * * ?')",
        "LEADFEEDER_BASE_API_URL|api.leadfeeder.com|leadfeeder.base-api-url: 'api.leadfeeder.com' is not an http(s) URL with a host",
        "LEADFEEDER_DB_URL|postgresql://db/x|leadfeeder.db-url: 'postgresql://db/x' is not a JDBC URL (jdbc:h2:..., jdbc:postgresql:..., jdbc:mariadb:...)",
        "LEADFEEDER_DB_URL|jdbc:oracle:thin:@db|leadfeeder.db-url: 'jdbc:oracle:thin:@db' names a database this version does not support (jdbc:h2:, jdbc:postgresql:, jdbc:mariadb:)",
        "LEADFEEDER_LOOKBACK_DAYS|-2|leadfeeder.lookback-days: '-2' is not between 0 and 366",
        "LEADFEEDER_LOOKBACK_INTERVAL|1h|leadfeeder.lookback-interval: '1h' is not a whole number",
        "LEADFEEDER_PERSONAL_DATA|mask|leadfeeder.personal-data: 'mask' is not one of keep, hash, drop",
        "LEADFEEDER_PERSONAL_DATA|hash|leadfeeder.personal-data-key: (not set) is needed with leadfeeder.personal-data=hash: a secret of yours that keys the hash (set LEADFEEDER_PERSONAL_DATA_KEY)",
        "LEADFEEDER_RATE_LIMIT_REQUESTS_PER_WINDOW|lots|leadfeeder.rate-limit.requests-per-window: 'lots' is not a whole number",
        "LEADFEEDER_HTTP_RETRIES|99|leadfeeder.http.retries: '99' is not between 0 and 20",
        "LEADFEEDER_TABLE_PREFIX|raw; DROP TABLE x|leadfeeder.table-prefix: 'raw; DROP TABLE x' is not a table-name prefix (lower-case letters, digits and _, at most 40, not starting with a digit)",
    })
    void badConfigurationFailsAtStartWithOneLineNamingTheKey(String variable, String value, String message) throws Exception {
        ConnectorProcess.Result result = ConnectorProcess.run(work, Map.of(variable, value), "once");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output().strip()).isEqualTo("Configuration error: " + message);
        assertThat(work.resolve("data")).doesNotExist();
        ReliabilityReport.record("Bad configuration: " + variable, variable + "=" + value,
                "exit 2, nothing written, one line: " + message);
    }

    @Test
    void anUnreachableDatabaseIsOneClearLine() throws Exception {
        ConnectorProcess.Result result = ConnectorProcess.run(work, Map.of("LEADFEEDER_API_TOKEN", "tok", "LEADFEEDER_DB_URL",
                "jdbc:postgresql://127.0.0.1:1/test?password=hunter2", "LEADFEEDER_DB_CONNECT_TIMEOUT_MS", "500"), "once");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("Failed: cannot reach the warehouse jdbc:postgresql://127.0.0.1:1/test?password=***")
                .doesNotContain("hunter2").doesNotContain("\tat ")
                .as("an exit that is no signal is not called one").doesNotContain("SIGTERM");
    }

    @Test
    void anH2PathThatCannotHoldTheDatabaseIsOneLineNamingThePathAndWhy() throws Exception {
        Path file = Files.writeString(work.resolve("not-a-folder"), "x");
        Path readOnly = Files.createDirectories(work.resolve("read-only"));
        Process chattr = new ProcessBuilder("chattr", "+i", readOnly.toString()).inheritIO().start();
        assertThat(chattr.waitFor()).as("chattr +i makes the folder read-only even for root").isZero();
        try {
            ConnectorProcess.Result throughAFile = ConnectorProcess.run(work, Map.of("LEADFEEDER_API_TOKEN", "tok",
                    "LEADFEEDER_DB_URL", "jdbc:h2:file:" + file.resolve("leadfeeder")), "once");
            ConnectorProcess.Result inReadOnly = ConnectorProcess.run(work, Map.of("LEADFEEDER_API_TOKEN", "tok",
                    "LEADFEEDER_DB_URL", "jdbc:h2:file:" + readOnly.resolve("leadfeeder")), "once");

            assertThat(throughAFile.exitCode()).isEqualTo(1);
            assertThat(throughAFile.output()).contains("Failed: cannot use the H2 database " + file.resolve("leadfeeder.mv.db") + ": "
                    + file + " is a file, not a folder").doesNotContain("\tat ").doesNotContain("org.h2");
            assertThat(inReadOnly.exitCode()).isEqualTo(1);
            assertThat(inReadOnly.output()).contains("Failed: cannot use the H2 database " + readOnly.resolve("leadfeeder.mv.db")
                    + ": the folder " + readOnly + " is not writable").doesNotContain("\tat ").doesNotContain("org.h2");
        } finally {
            new ProcessBuilder("chattr", "-i", readOnly.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aRunWhoseManagementPortIsTakenStopsWithOneLine() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("run-token").start();
             java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            ConnectorProcess.Result run = ConnectorProcess.run(work, Map.of("LEADFEEDER_API_TOKEN", "run-token",
                    "LEADFEEDER_BASE_API_URL", simulator.baseUrl(), "LEADFEEDER_SCHEDULE", "* * * * * ?"),
                    List.of("-Dcamel.management.host=127.0.0.1", "-Dcamel.management.port=" + taken.getLocalPort()), "run");

            assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
            assertThat(run.output()).contains("Failed: the management server (health and metrics) cannot listen on 127.0.0.1:"
                    + taken.getLocalPort()).doesNotContain("\tat ").doesNotContain("Sync run");
            assertThat(simulator.stats().requests()).as("no sync ran unseen").isZero();
        }
    }

    @Test
    void aRunsOutcomeIsSaidOnce() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("real-token").start()) {
            ConnectorProcess.Result refused = ConnectorProcess.run(work, Map.of("LEADFEEDER_API_TOKEN", "wrong-token",
                    "LEADFEEDER_BASE_API_URL", simulator.baseUrl(), "LEADFEEDER_DB_URL", "jdbc:h2:file:" + work.resolve("once"),
                    "LEADFEEDER_API", "classic"), "once");

            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.output().split("Leadfeeder refused the API token", -1)).as(refused.output()).hasSize(2);
            assertThat(refused.output().split(" failed in ", -1)).hasSize(2);
            assertThat(refused.output()).doesNotContain("SIGTERM");
        }
    }

    @Test
    void instancesDeclaredInTheEnvironmentAreEachSyncedCheckedAndReported() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("acme-token", java.util.Set.of("100001"))
                .token("beta-token", java.util.Set.of("100002")).start()) {
            String db = "jdbc:h2:file:" + work.resolve("tenants");
            Map<String, String> env = Map.of("LEADFEEDER_BASE_API_URL", simulator.baseUrl(), "LEADFEEDER_DB_URL", db,
                    "LEADFEEDER_INSTANCES_ACME_API_TOKEN", "acme-token", "LEADFEEDER_INSTANCES_BETA_API_TOKEN", "beta-token",
                    "LEADFEEDER_INSTANCES_BETA_TABLE_PREFIX", "beta_");

            ConnectorProcess.Result once = ConnectorProcess.run(work, env, "once");
            ConnectorProcess.Result status = ConnectorProcess.run(work, env, "status");
            ConnectorProcess.Result check = ConnectorProcess.run(work, env, "check");

            assertThat(once.exitCode()).as(once.output()).isZero();
            assertThat(once.output()).contains("of instance acme succeeded", "of instance beta succeeded", "raw_leadfeeder_acme__visits",
                    "beta_visits", "beta_rejected_records").doesNotContain("DEMO MODE").doesNotContain("acme-token");
            for (String account : List.of("100001", "100002")) {
                String table = account.equals("100001") ? "raw_leadfeeder_acme__visits" : "beta_visits";
                assertThat(count(db, table)).isEqualTo(simulator.dataset().visits(account,
                        simulator.dataset().firstDay(account), simulator.dataset().lastDay(account), 0, 0).total());
            }
            assertThat(status.exitCode()).as(status.output()).isZero();
            assertThat(status.output()).contains("Instance acme", "Instance beta", "account 100001", "account 100002", "succeeded");
            assertThat(check.exitCode()).as(check.output()).isZero();
            assertThat(check.output()).contains("instance acme api: ok", "instance beta api: ok", "sees 1 account(s)");
        }
    }

    @Test
    void checkConfirmsConfigurationDatabaseAndApi() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("check-token").start()) {
            Map<String, String> env = Map.of("LEADFEEDER_API_TOKEN", "check-token", "LEADFEEDER_BASE_API_URL", simulator.baseUrl(),
                    "LEADFEEDER_DB_URL", "jdbc:h2:file:" + work.resolve("check"));

            ConnectorProcess.Result ok = ConnectorProcess.run(work, env, "check");
            ConnectorProcess.Result refused = ConnectorProcess.run(work, Map.of("LEADFEEDER_API_TOKEN", "nope",
                    "LEADFEEDER_BASE_API_URL", simulator.baseUrl(), "LEADFEEDER_DB_URL", "jdbc:h2:file:" + work.resolve("check")), "check");

            assertThat(ok.exitCode()).as(ok.output()).isZero();
            assertThat(ok.output()).contains("configuration: ok", "database: ok", "api: ok", "sees 2 account(s)");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.output()).contains("api: FAILED", "HTTP 401").doesNotContain("nope");
        }
    }

    @Test
    void runSyncsOnTheScheduleUntilStopped() throws Exception {
        String db = "jdbc:h2:file:" + work.resolve("scheduled") + ";AUTO_SERVER=TRUE";
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("run-token").start()) {
            // its health and metrics on any free port, so nothing else on the machine can stand in its way
            Process process = ConnectorProcess.start(work, Map.of("LEADFEEDER_SCHEDULE", "*/2 * * * * ?", "LEADFEEDER_DB_URL", db,
                    "LEADFEEDER_API_TOKEN", "run-token", "LEADFEEDER_BASE_API_URL", simulator.baseUrl()),
                    java.util.List.of("-Dcamel.management.port=0"), "run");
            awaitTwoScheduledRuns(process, db);
            // no caller waits for a scheduled run: its outcome is logged, in one line
            assertThat(Files.readString(work.resolve("connector-output.log")))
                    .containsPattern("INFO  Sync run \\S+ succeeded in [\\d.]+ s: \\d+ requests, .*rows accounts 2 visits \\d+")
                    .containsPattern("Health on http://0\\.0\\.0\\.0:\\d{2,5}/observe/health, metrics on http://0\\.0\\.0\\.0:\\d{2,5}/observe/metrics")
                    .doesNotContain(":0/observe");
        }
    }

    private void awaitTwoScheduledRuns(Process process, String db) throws Exception {
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
                // the process creates the database and serves it (AUTO_SERVER); were this test to create it
                // first, the process could find its lock file in flux at start and fail
                if (!Files.exists(work.resolve("scheduled.mv.db"))) {
                    return false;
                }
                try (Connection c = DriverManager.getConnection(db);
                     ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM leadfeeder_sync_runs WHERE status = 'succeeded'")) {
                    rs.next();
                    return rs.getInt(1) >= 2;
                }
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no two scheduled runs succeeded; the process said:\n"
                    + Files.readString(work.resolve("connector-output.log")), e);
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    @Test
    void backfillReReadsTheRangeOnly() throws Exception {
        ConnectorProcess.Result once = ConnectorProcess.run(work, Map.of(), "backfill", "--from", "2020-01-01", "--to", "2020-01-05",
                "--streams", "visits");

        assertThat(once.exitCode()).as(once.output()).isZero();
        assertThat(once.output()).contains("succeeded");
        assertThat(count("jdbc:h2:file:" + work.resolve("data/leadfeeder"), "raw_leadfeeder__visits")).isZero();
        assertThat(count("jdbc:h2:file:" + work.resolve("data/leadfeeder"), "leadfeeder_completed_windows")).isZero();
        assertThat(ConnectorProcess.run(work, Map.of(), "backfill", "--from", "2020-01-05", "--to", "2020-01-01").exitCode()).isEqualTo(2);
    }
}
