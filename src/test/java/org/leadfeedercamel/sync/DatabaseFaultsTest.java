package org.leadfeedercamel.sync;

import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.simulator.FaultSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.TestWarehouses.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * PostgreSQL drops every connection of the sync in the middle of a run, as a restart does: the run
 * fails or recovers without corrupting state, and the next run completes the data exactly.
 */
@Tag("reliability")
class DatabaseFaultsTest {

    @Test
    void theWarehouseGoingAwayMidRunCorruptsNothing() throws Exception {
        try (LeadfeederSimulator simulator = SyncEndToEndTest.simulator(SyncEndToEndTest.dataset())
                .faults(new FaultSettings(1, 0, 1.0, 20, 0, 0, 0)).resultCap(300).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(Kind.POSTGRESQL)) {
            Map<String, String> settings = new HashMap<>(SyncEndToEndTest.START);
            settings.put(SyncSettings.RESULT_CAP, "300");
            settings.put(SyncSettings.PAGE_SIZE, "25");
            JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(warehouse.url(), warehouse.user(), ""));
            try (SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, settings, warehouse)) {
                CompletableFuture<SyncRun> running = CompletableFuture.supplyAsync(sync::once);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                        admin.queryForObject("SELECT COUNT(*) FROM leadfeeder_completed_windows", Integer.class) >= 3);
                int dropped = admin.queryForObject("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        + "WHERE datname = 'test' AND pid <> pg_backend_pid() AND usename = ?", Integer.class, warehouse.user());

                SyncRun interrupted = running.get();

                assertThat(dropped).isPositive();
                String outcome = "that run " + interrupted.status().name().toLowerCase()
                        + (interrupted.error() == null ? "" : " (" + interrupted.error() + ")");
                SyncRun next = sync.once();
                assertThat(next.status()).as(String.valueOf(next.error())).isEqualTo(SyncRun.Status.SUCCEEDED);
                SyncEndToEndTest.assertWarehouseEqualsSimulator(sync);
                ReliabilityReport.record("PostgreSQL drops the sync's connections", dropped + " connections terminated mid-run, as a restart does",
                        outcome + "; the next run completed and the tables equal the API's rows");
            }
        }
    }
}
