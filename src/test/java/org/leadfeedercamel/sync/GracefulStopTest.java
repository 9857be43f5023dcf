package org.leadfeedercamel.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.run.StopSignal;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.simulator.FaultSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.sql.Dialect;
import org.leadfeedercamel.sql.SqlStatements;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.state.SyncLock;
import org.leadfeedercamel.state.WarehouseRetry;

/**
 * A run asked to stop, by its CamelContext stopping (a host shutting down) or by {@link SyncInstance#stop},
 * ends at its next page or in the wait it is in, recorded as stopped with where it stopped; the next
 * run resumes and the warehouse ends exact.
 */
class GracefulStopTest {

    @Test
    void aContextThatStopsEndsItsRunAtTheNextPageAndTheNextRunResumes() throws Exception {
        String url = "jdbc:h2:mem:stop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        // every answer a little late and small windows, so the run spans many pages to stop in
        try (LeadfeederSimulator simulator = SyncEndToEndTest.simulator(SyncEndToEndTest.dataset().withVisitsPerAccount(1_500))
                .faults(new FaultSettings(1, 0, 1.0, 20, 0, 0, 0)).resultCap(300).start()) {
            Map<String, String> settings = new HashMap<>(SyncEndToEndTest.START);
            settings.put("leadfeeder.page-size", "50");
            settings.put("leadfeeder.result-cap", "300");
            SyncHarness first = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, settings, h2(url));
            first.context.getShutdownStrategy().setTimeout(300); // a context that waited for the whole run would not be forced in time
            CompletableFuture<SyncRun> running = CompletableFuture.supplyAsync(first::once);
            Awaitility.await().atMost(Duration.ofSeconds(60))
                    .until(() -> first.count("leadfeeder_completed_windows") >= 2 || running.isDone());
            first.close();
            SyncRun stopped = running.join();

            assertThat(stopped.status()).as(stopped.summaryLine()).isEqualTo(SyncRun.Status.STOPPED);
            assertThat(stopped.error()).matches("stopped: its CamelContext is stopping \\(at account \\d+, visits window .*, page \\d+\\)");
            try (SyncHarness second = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, settings, h2(url))) {
                assertThat(second.jdbc.queryForList("SELECT status FROM leadfeeder_sync_runs", String.class)).containsExactly("stopped");
                assertThat(second.jdbc.queryForObject("SELECT error FROM leadfeeder_sync_runs", String.class)).isEqualTo(stopped.error());
                SyncRun resumed = second.once();
                assertThat(resumed.status()).as(resumed.summaryLine()).isEqualTo(SyncRun.Status.SUCCEEDED);
                SyncTestAccess.assertWarehouseEqualsSimulator(second.jdbc, simulator);
            }
        }
    }

    @Test
    void aStopEndsTheRateLimitWaitItIsIn() throws Exception {
        // the classic API's budget of 3 requests a minute, paced: the fourth request waits for the next minute
        try (LeadfeederSimulator simulator = SyncEndToEndTest.simulator(SyncEndToEndTest.dataset()).start()) {
            Map<String, String> settings = new HashMap<>(SyncEndToEndTest.START);
            settings.put("leadfeeder.rate-limit.requests-per-window", "4");
            try (SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, settings)) {
                CompletableFuture<SyncRun> running = CompletableFuture.supplyAsync(sync::once);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> simulator.stats().requests() >= 3);
                assertThat(running).as("the run waits for the rate limit's next window").isNotDone();
                sync.instance.stop("asked by the test");

                SyncRun stopped = running.get(10, TimeUnit.SECONDS); // the wait would take up to a minute
                assertThat(stopped.status()).isEqualTo(SyncRun.Status.STOPPED);
                assertThat(stopped.error()).startsWith("stopped: asked by the test (at ");
                assertThat(simulator.stats().requests()).isEqualTo(3);
            }
        }
    }

    @Test
    void aStopEndsTheBackoffBeforeARetry() throws Exception {
        // every answer a 5xx, and a minute's backoff before the first retry
        try (LeadfeederSimulator simulator = SyncEndToEndTest.simulator(SyncEndToEndTest.dataset())
                .faults(new FaultSettings(1, 1.0, 0, 0, 0, 0, 0)).start()) {
            Map<String, String> settings = new HashMap<>(SyncEndToEndTest.START);
            settings.put("leadfeeder.http.backoff-initial-ms", "60000");
            settings.put("leadfeeder.http.backoff-max-ms", "60000");
            try (SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, settings)) {
                CompletableFuture<SyncRun> running = CompletableFuture.supplyAsync(sync::once);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> simulator.stats().requests() >= 1);
                sync.instance.stop("asked by the test");

                SyncRun stopped = running.get(10, TimeUnit.SECONDS); // the backoff would take a minute
                assertThat(stopped.status()).as(stopped.summaryLine()).isEqualTo(SyncRun.Status.STOPPED);
                assertThat(stopped.retries()).isEqualTo(1);
                assertThat(simulator.stats().requests()).isEqualTo(1);
            }
        }
    }

    @Test
    void aStopEndsTheWaitForTheLock() throws Exception {
        String url = "jdbc:h2:mem:stop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (LeadfeederSimulator simulator = SyncEndToEndTest.simulator(SyncEndToEndTest.dataset()).start()) {
            Map<String, String> settings = new HashMap<>(SyncEndToEndTest.START);
            settings.put("leadfeeder.db-lock-wait-seconds", "600");
            try (SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, settings, h2(url))) {
                SyncLock other = new SyncLock(sync.dataSource, new SqlStatements(Dialect.H2, "raw_leadfeeder__"), Duration.ZERO,
                        SyncEndToEndTest.CLOCK, new WarehouseRetry(sync.settings.warehouse().retry(), "test", new StopSignal()), new StopSignal());
                other.acquire(); // another sync holds the warehouse
                try {
                    CompletableFuture<SyncRun> running = CompletableFuture.supplyAsync(sync::once);
                    Awaitility.await().atMost(Duration.ofSeconds(30))
                            .until(() -> sync.jdbc.queryForObject("SELECT COUNT(*) FROM leadfeeder_sync_runs", Integer.class) == 1);
                    sync.instance.stop("asked by the test");

                    SyncRun stopped = running.get(10, TimeUnit.SECONDS); // the lock wait would take ten minutes
                    assertThat(stopped.status()).as(stopped.summaryLine()).isEqualTo(SyncRun.Status.STOPPED);
                    assertThat(simulator.stats().requests()).isZero();
                } finally {
                    other.release();
                }
            }
        }
    }

    private static TestWarehouses.TestWarehouse h2(String url) {
        return new TestWarehouses.TestWarehouse(TestWarehouses.Kind.H2, url, null, null, () -> { });
    }
}
