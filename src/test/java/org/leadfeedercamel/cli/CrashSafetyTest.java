package org.leadfeedercamel.cli;

import org.leadfeedercamel.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * The first sync of a warehouse, killed with SIGKILL at seeded random moments ten times and restarted
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
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(SyncTestAccess.dataset())
                .clock(SyncTestAccess.CLOCK).token("crash-token").requestsPerWindow(0).resultCap(300)
                .faults(new FaultSettings(1, 0, 1.0, 15, 0, 0, 0)).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind)) {
            Map<String, String> env = new HashMap<>(Map.of("LEADFEEDER_API_TOKEN", "crash-token",
                    "LEADFEEDER_BASE_API_URL", simulator.baseUrl(), "LEADFEEDER_DB_URL", warehouse.url(),
                    "LEADFEEDER_START_DATE", SyncTestAccess.FROM.toString(), "LEADFEEDER_RESULT_CAP", "300",
                    "LEADFEEDER_PAGE_SIZE", "25", "LEADFEEDER_DB_USER", warehouse.user()));
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(warehouse.url(), warehouse.user(), warehouse.password()));
            Random moments = new Random(20261128);
            int killedMidRun = 0;
            for (int attempt = 0; attempt < KILLS; attempt++) {
                Path dir = Files.createDirectories(work.resolve("run-" + attempt));
                Process sync = ConnectorProcess.start(dir, env, "once");
                boolean finished = sync.waitFor(1_500 + moments.nextInt(3_000), TimeUnit.MILLISECONDS);
                if (!finished) {
                    sync.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the process itself
                    assertThat(sync.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    killedMidRun++;
                }
                assertNoWindowMarkedWithoutItsRows(jdbc, simulator);
            }
            ConnectorProcess.Result last = ConnectorProcess.run(Files.createDirectories(work.resolve("final")), env, "once");

            assertThat(last.exitCode()).as(last.output()).isZero();
            assertThat(killedMidRun).as("kills that landed while a sync was running").isGreaterThanOrEqualTo(KILLS);
            SyncTestAccess.assertWarehouseEqualsSimulator(jdbc, simulator);
            ReliabilityReport.record("SIGKILL during a first sync (" + kind + ")",
                    KILLS + " kills of the sync process at seeded moments 1.5–4.5 s into a run, restarted each time",
                    killedMidRun + " kills landed mid-run; after every kill each completed window held all its rows; the final run "
                            + "completed and all tables equal the API's rows (" + jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits", Integer.class)
                            + " visits): 0 lost, 0 duplicated");
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
