package org.leadfeedercamel.cli;

import org.leadfeedercamel.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadfeedercamel.simulator.FaultSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.SimAccount;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.TestWarehouses.Kind;
import org.leadfeedercamel.sync.SyncTestAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The first sync of a warehouse, killed with SIGKILL at seeded random moments of its runs until ten runs died mid-way, restarted
 * each time: no window is ever marked complete without its rows, and the end state equals an
 * uninterrupted sync's, row for row.
 */
@Tag("reliability")
class CrashSafetyTest {

    static final int KILLS = 10;

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void killedTenTimesTheSyncStillEndsExactlyRight(Kind kind) throws Exception {
        // every answer a little late and small windows, so a run spans many pages and windows to die in
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(SyncTestAccess.dataset().withVisitsPerAccount(4_500))
                .clock(SyncTestAccess.CLOCK).token("crash-token").requestsPerWindow(0).resultCap(300)
                .faults(new FaultSettings(1, 0, 1.0, 25, 0, 0, 0)).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind)) {
            Map<String, String> env = new HashMap<>(Map.of("LEADFEEDER_API_TOKEN", "crash-token",
                    "LEADFEEDER_BASE_API_URL", simulator.baseUrl(), "LEADFEEDER_DB_URL", warehouse.url(),
                    "LEADFEEDER_START_DATE", SyncTestAccess.FROM.toString(), "LEADFEEDER_RESULT_CAP", "300",
                    "LEADFEEDER_PAGE_SIZE", "20", "LEADFEEDER_DB_USER", warehouse.user(),
                    "LEADFEEDER_RATE_LIMIT_REQUESTS_PER_WINDOW", "0")); // this simulator has no limit to pace for
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(warehouse.url(), warehouse.user(), warehouse.password()));
            Random moments = new Random(20261128);
            int killed = 0;
            // until ten kills have landed while a run was in progress (a kill during start-up leaves no run behind)
            for (int attempt = 0; runsBegun(jdbc) < KILLS && attempt < 2 * KILLS; attempt++) {
                Path dir = Files.createDirectories(work.resolve("run-" + attempt));
                int begun = runsBegun(jdbc);
                Process sync = ConnectorProcess.start(dir, env, "once");
                // the kill lands at a seeded moment within the run's first 3 s, whatever the JVM's start-up took
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> runsBegun(jdbc) > begun || !sync.isAlive());
                boolean finished = sync.waitFor(moments.nextInt(3_000), TimeUnit.MILLISECONDS);
                assertThat(finished).as("attempt %d finished before its kill; the dataset is too small to test", attempt).isFalse();
                sync.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the process itself
                assertThat(sync.waitFor(30, TimeUnit.SECONDS)).isTrue();
                killed++;
                assertNoWindowMarkedWithoutItsRows(jdbc, simulator);
            }
            ConnectorProcess.Result last = ConnectorProcess.run(Files.createDirectories(work.resolve("final")), env, "once");

            assertThat(last.exitCode()).as(last.output()).isZero();
            assertThat(runsBegun(jdbc)).as("runs killed while in progress, plus the final one").isEqualTo(KILLS + 1);
            SyncTestAccess.assertWarehouseEqualsSimulator(jdbc, simulator);
            List<String> statuses = jdbc.queryForList("SELECT status FROM leadfeeder_sync_runs", String.class);
            // a kill during start-up leaves no run behind; every run that had begun is marked crashed, none left 'running'
            assertThat(statuses).doesNotContain("running").containsOnly("crashed", "succeeded").containsOnlyOnce("succeeded");
            long crashedRuns = statuses.stream().filter("crashed"::equals).count();
            assertThat(crashedRuns).as("kills that landed while a run was in progress").isEqualTo(KILLS);
            ReliabilityReport.record("SIGKILL during a first sync (" + kind + ")",
                    "SIGKILL of the sync process at seeded moments 0–3 s after its run began, restarted each time",
                    killed + " kills, " + crashedRuns + " of them while a run was in progress (each marked crashed in the run log); "
                            + "after every kill each completed window held all its rows; the final run "
                            + "completed and all tables equal the API's rows (" + jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits", Integer.class)
                            + " visits): 0 lost, 0 duplicated");
        }
    }

    /** Runs that got as far as writing their row in the run log. */
    private static int runsBegun(JdbcTemplate jdbc) {
        try {
            return jdbc.queryForObject("SELECT COUNT(*) FROM leadfeeder_sync_runs", Integer.class);
        } catch (org.springframework.jdbc.BadSqlGrammarException notMigratedYet) {
            return 0;
        }
    }

    /** Every visits window marked complete holds all the visits the API serves for it. */
    private static void assertNoWindowMarkedWithoutItsRows(JdbcTemplate jdbc, LeadfeederSimulator simulator) {
        for (SimAccount account : simulator.dataset().accounts()) {
            List<String> windows;
            try {
                windows = jdbc.queryForList("SELECT messageId FROM leadfeeder_completed_windows WHERE processorName = ?",
                        String.class, "leadfeeder:" + account.id() + ":visits");
            } catch (org.springframework.jdbc.BadSqlGrammarException notMigratedYet) {
                return;
            }
            for (String window : windows) {
                LocalDate from = LocalDate.parse(window.substring(0, 10));
                LocalDate to = LocalDate.parse(window.substring(12));
                int served = simulator.dataset().visits(account.id(), from, to, 0, 0).total();
                int stored = jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits WHERE account_id = ? "
                        + "AND visit_date BETWEEN ? AND ?", Integer.class, account.id(), java.sql.Date.valueOf(from), java.sql.Date.valueOf(to));
                assertThat(stored).as("visits stored for completed window %s of account %s", window, account.id()).isEqualTo(served);
            }
        }
    }
}
