package org.leadfeedercamel.sync;

import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.simulator.FaultSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.ExpectedRows;
import org.leadfeedercamel.sql.Dialect;
import org.leadfeedercamel.sql.SqlStatements;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.TestWarehouses.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The warehouse fails under a running sync: PostgreSQL ends every session of the sync, as a restart
 * does, and the run rides it out on new connections; another sync takes the lock while the sessions are
 * gone, and the run stops rather than write beside it; a constraint fails a page, and that is no lost
 * connection, so the run fails at once as it always did.
 */
@Tag("reliability")
class DatabaseFaultsTest {

    /** Slow answers and small windows: a run of many pages and windows to fail in. */
    private static LeadfeederSimulator simulator() {
        return SyncEndToEndTest.simulator(SyncEndToEndTest.dataset()).faults(new FaultSettings(1, 0, 1.0, 20, 0, 0, 0)).resultCap(300).start();
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>(SyncEndToEndTest.START);
        settings.put(SyncSettings.RESULT_CAP, "300");
        settings.put(SyncSettings.PAGE_SIZE, "25");
        settings.put(SyncSettings.DB_RETRY_INITIAL_DELAY, "100");
        return settings;
    }

    /** The warehouse, its sessions named so that the test ends the sync's alone (others use this server too). */
    private static TestWarehouses.TestWarehouse named(TestWarehouses.TestWarehouse warehouse, String applicationName) {
        return new TestWarehouses.TestWarehouse(warehouse.kind(), warehouse.url() + "&ApplicationName=" + applicationName,
                warehouse.user(), warehouse.password(), () -> { });
    }

    private static int completedWindows(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM leadfeeder_completed_windows", Integer.class);
    }

    private static int visits(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits", Integer.class);
    }

    @Test
    void theWarehouseEndingEverySessionMidRunIsRiddenOut() throws Exception {
        String sessions = "lf-sync-" + UUID.randomUUID();
        try (LeadfeederSimulator simulator = simulator();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(Kind.POSTGRESQL)) {
            JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(warehouse.url(), warehouse.user(), ""));
            try (SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, settings(), named(warehouse, sessions))) {
                CompletableFuture<SyncRun> running = CompletableFuture.supplyAsync(sync::once);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> completedWindows(admin) >= 3);
                int dropped = admin.queryForObject("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        + "WHERE application_name = ?", Integer.class, sessions);

                SyncRun interrupted = running.get();

                assertThat(dropped).as("the lock's session and the pool's").isGreaterThanOrEqualTo(2);
                assertThat(interrupted.status()).as(String.valueOf(interrupted.error())).isEqualTo(SyncRun.Status.SUCCEEDED);
                SyncEndToEndTest.assertWarehouseEqualsSimulator(sync);
                assertThat(interrupted.rows("visits")).as("a page written again is counted once")
                        .isEqualTo(sync.count("raw_leadfeeder__visits"));
                assertThat(admin.queryForList("SELECT status FROM leadfeeder_sync_runs", String.class)).containsExactly("succeeded");
                ReliabilityReport.record("PostgreSQL drops the sync's connections", dropped + " connections terminated mid-run "
                                + "(the lock's among them), as a restart does",
                        "that run succeeded: the page in flight written again on a new connection, the lock taken again; "
                                + "the tables equal the API's rows");
            }
        }
    }

    @Test
    void anotherSyncTakingTheLockWhileTheSessionsAreGoneStopsTheRunBeforeItWritesAgain() throws Exception {
        String sessions = "lf-sync-" + UUID.randomUUID();
        try (LeadfeederSimulator simulator = simulator();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(Kind.POSTGRESQL)) {
            // the other sync: one session, queued on the lock before the run's session ends, so it has it first
            String lock = new SqlStatements(Dialect.POSTGRESQL, "raw_leadfeeder__").get("acquire-sync-lock").lines()
                    .filter(line -> !line.startsWith("--")).findFirst().orElseThrow()
                    .replace("SELECT pg_try_advisory_lock", "PERFORM pg_advisory_lock");
            DriverManagerDataSource other = new DriverManagerDataSource(warehouse.url(), warehouse.user(), "");
            try (java.sql.Connection otherSync = other.getConnection();
                 SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, settings(), named(warehouse, sessions))) {
                JdbcTemplate admin = new JdbcTemplate(other);
                CompletableFuture<SyncRun> running = CompletableFuture.supplyAsync(sync::once);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> completedWindows(admin) >= 3);
                try (java.sql.Statement statement = otherSync.createStatement()) {
                    statement.execute("DO $$ BEGIN PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                            + sessions + "'; " + lock + "; END $$");
                }
                int windowsWhenTaken = completedWindows(admin);
                // counted on the other sync's session: the run's pool may still hold a session the server ended
                int visitsWhenTaken = visits(admin);

                SyncRun stopped = running.get();

                assertThat(stopped.status()).isEqualTo(SyncRun.Status.FAILED);
                assertThat(stopped.error()).contains("another sync took the lock meanwhile; this run stops rather than write beside it")
                        .contains("(at account");
                assertThat(completedWindows(admin)).as("windows completed after the lock was lost").isEqualTo(windowsWhenTaken);
                assertThat(visits(admin)).as("visits written after the lock was lost").isEqualTo(visitsWhenTaken);
                assertThat(admin.queryForList("SELECT status FROM leadfeeder_sync_runs", String.class)).containsExactly("failed");
                otherSync.close(); // the other sync ends

                SyncRun next = sync.once();
                assertThat(next.status()).as(String.valueOf(next.error())).isEqualTo(SyncRun.Status.SUCCEEDED);
                SyncEndToEndTest.assertWarehouseEqualsSimulator(sync);
                ReliabilityReport.record("PostgreSQL drops the sync's connections while another sync waits",
                        "the sync's sessions terminated mid-run while another session waited for the sync lock",
                        "the other took the lock; the run found it gone at its next page and failed with one line ("
                                + stopped.error().replace(" (at ", "; at ").replaceFirst("\\)$", "") + "), writing nothing more; the next run completed and "
                                + "the tables equal the API's rows");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void aConstraintErrorIsNoLostConnectionAndFailsTheRunAtOnce(Kind kind) throws Exception {
        try (LeadfeederSimulator simulator = simulator();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind)) {
            Map<String, String> settings = settings();
            // were it tried again, the run would first wait ten minutes
            settings.put(SyncSettings.DB_RETRY_INITIAL_DELAY, "600000");
            settings.put(SyncSettings.DB_RETRY_MAX_DELAY, "600000");
            try (SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, settings, warehouse)) {
                List<Map<String, Object>> visits = new ExpectedRows(simulator.dataset()).visits("100001", SyncEndToEndTest.FROM,
                        SyncEndToEndTest.TO);
                // a visit of the first days, so the run has written pages before it fails on its page
                Object refused = visits.stream().sorted(java.util.Comparator.comparing(row -> (java.time.Instant) row.get("started_at")))
                        .skip(visits.size() / 20).findFirst().orElseThrow().get("visit_id");
                sync.jdbc.execute("ALTER TABLE raw_leadfeeder__visits ADD CONSTRAINT lf_test_refused CHECK (visit_id <> '" + refused + "')");

                SyncRun failed = assertTimeoutPreemptively(Duration.ofSeconds(60), sync::once);

                assertThat(failed.status()).isEqualTo(SyncRun.Status.FAILED);
                assertThat(failed.error()).containsIgnoringCase("lf_test_refused");
                assertThat(sync.count("raw_leadfeeder__visits")).as("the pages before it").isPositive();
                assertThat(sync.jdbc.queryForList("SELECT status FROM leadfeeder_sync_runs", String.class)).containsExactly("failed");
            }
        }
    }
}
