package org.leadfeedercamel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadfeedercamel.reliability.ReliabilityReport;
import org.leadfeedercamel.simulator.FaultSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.TestWarehouses.Kind;
import org.leadfeedercamel.sync.SyncTestAccess;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The warehouse server is stopped under a running {@code once} and started again, as an operator's
 * restart does: the run rides it out, ending succeeded with the tables exactly the API's. The server
 * goes down once the run has completed windows and comes back once the run has logged that it lost its
 * connection, so the outage always falls mid-run. Other tests use these servers: it is always started
 * again, and answering, before the test ends.
 */
@Tag("reliability")
class WarehouseRestartProcessTest {

    private static final String LOST = "Lost the warehouse connection";
    private static final String LOCK_TAKEN_AGAIN = "the lock is taken again on a new connection";

    @TempDir
    Path work;

    @AfterEach
    void serversAnswer() throws Exception {
        WarehouseServers.start(Kind.POSTGRESQL);
        WarehouseServers.start(Kind.MARIADB);
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void aWarehouseRestartMidRunEndsWithTheRunSucceededAndTheTablesExact(Kind kind) throws Exception {
        // every answer a little late and small windows: a run of many pages, still writing when the server stops
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(SyncTestAccess.dataset()).clock(SyncTestAccess.CLOCK)
                .token("restart-token").requestsPerWindow(0).resultCap(300).faults(new FaultSettings(1, 0, 1.0, 25, 0, 0, 0)).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind)) {
            // PostgreSQL trusts local logins, so a password in the URL is accepted and must never show
            String secret = "lf-restart-secret-" + kind.name().toLowerCase();
            String url = kind == Kind.POSTGRESQL ? warehouse.url() + "&password=" + secret : warehouse.url();
            Map<String, String> env = new HashMap<>(Map.of("LEADFEEDER_API_TOKEN", "restart-token",
                    "LEADFEEDER_BASE_API_URL", simulator.baseUrl(), "LEADFEEDER_DB_URL", url, "LEADFEEDER_DB_USER", warehouse.user(),
                    "LEADFEEDER_START_DATE", SyncTestAccess.FROM.toString(), "LEADFEEDER_RESULT_CAP", "300", "LEADFEEDER_PAGE_SIZE", "20",
                    "LEADFEEDER_RATE_LIMIT_REQUESTS_PER_WINDOW", "0"));
            // a second to find the server gone, then tries every second at most: about 40 s to come back
            env.putAll(Map.of("LEADFEEDER_DB_CONNECT_TIMEOUT_MS", "1000", "LEADFEEDER_DB_RETRY_MAX_ATTEMPTS", "20",
                    "LEADFEEDER_DB_RETRY_INITIAL_DELAY_MS", "200", "LEADFEEDER_DB_RETRY_MAX_DELAY_MS", "1000"));
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(warehouse.url(), warehouse.user(), warehouse.password()));
            Path log = ConnectorProcess.output(work);

            Process sync = ConnectorProcess.start(work, env, "once");
            Duration outage;
            try {
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                        .until(() -> completedWindows(jdbc) >= 3 || !sync.isAlive());
                assertThat(sync.isAlive()).as("the run is still going when the server stops").isTrue();
                Instant down = Instant.now();
                WarehouseServers.stop(kind);
                try {
                    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> output(log).contains(LOST) || !sync.isAlive());
                } finally {
                    WarehouseServers.start(kind);
                }
                outage = Duration.between(down, Instant.now());
                assertThat(sync.waitFor(90, TimeUnit.SECONDS)).as("the run ended").isTrue();
            } finally {
                sync.destroyForcibly();
            }
            String output = output(log);

            assertThat(sync.exitValue()).as(output).isZero();
            List<String> retries = output.lines().filter(line -> line.contains(LOST)).toList();
            assertThat(retries).isNotEmpty().allSatisfy(line -> assertThat(line).contains("WARN").contains("attempt "));
            assertThat(output).contains(LOCK_TAKEN_AGAIN).doesNotContain(secret);
            List<Map<String, Object>> runs = jdbc.queryForList("SELECT status, error, rows_visits FROM leadfeeder_sync_runs");
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).get("status")).isEqualTo("succeeded");
            assertThat(runs.get(0).get("error")).isNull();
            int visits = jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits", Integer.class);
            assertThat(((Number) runs.get(0).get("rows_visits")).intValue()).as("a page written again is counted once").isEqualTo(visits);
            SyncTestAccess.assertWarehouseEqualsSimulator(jdbc, simulator);
            ReliabilityReport.record((kind == Kind.POSTGRESQL ? "PostgreSQL" : "MariaDB") + " restarted mid-run",
                    "the server stopped (" + (kind == Kind.POSTGRESQL ? "pg_ctlcluster stop, fast" : "mariadb-admin shutdown")
                            + ") under a running once and started again, " + outage.toMillis() / 100 / 10.0 + " s down",
                    "once exited 0, its run succeeded: " + retries.size() + " WARN line(s) of a step tried again on a new connection, "
                            + "the sync lock taken again; the tables equal the API's rows (" + visits + " visits), each page counted once");
        }
    }

    private static int completedWindows(JdbcTemplate jdbc) {
        try {
            return jdbc.queryForObject("SELECT COUNT(*) FROM leadfeeder_completed_windows", Integer.class);
        } catch (BadSqlGrammarException notMigratedYet) {
            return 0;
        }
    }

    private static String output(Path log) throws java.io.IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }
}
