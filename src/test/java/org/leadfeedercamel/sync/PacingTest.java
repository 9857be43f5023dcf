package org.leadfeedercamel.sync;

import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;

/**
 * Against an API that allows 20 requests per 2-second calendar window, a whole sync stays inside the
 * budget (no 429) while using at least 90% of it in every window it spans whole (all but the first and
 * the last, which it only partly overlaps).
 */
@Tag("reliability")
class PacingTest {

    @Test
    void aSyncUsesTheRateLimitWithoutEverHittingIt() throws Exception {
        Clock clock = Clock.systemUTC();
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(SyncEndToEndTest.dataset()).clock(clock)
                .token("tok").requestsPerWindow(20).rateWindow(Duration.ofSeconds(2)).start();
             SyncHarness sync = new SyncHarness(simulator, clock, Map.of(SyncSettings.START_DATE, SyncEndToEndTest.FROM.toString(),
                     SyncSettings.RATE_LIMIT_REQUESTS, "20", SyncSettings.RATE_LIMIT_WINDOW, "2", SyncSettings.PAGE_SIZE, "50"))) {
            SyncRun run = sync.once();

            assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertThat(simulator.stats().withStatus(429)).isZero();
            assertThat(run.retries()).isZero();
            Map<Long, Integer> perWindow = new TreeMap<>();
            List<Long> arrivals = simulator.stats().arrivals();
            arrivals.forEach(at -> perWindow.merge(Math.floorDiv(at, 2_000L), 1, Integer::sum));
            List<Integer> counts = List.copyOf(perWindow.values());
            List<Integer> full = counts.subList(1, counts.size() - 1);
            double utilisation = full.stream().mapToInt(Integer::intValue).sum() / (20.0 * full.size());
            System.out.printf("pacing: %d requests in %d windows of 2 s, per window %s, utilisation %.0f%% of the whole windows%n",
                    arrivals.size(), counts.size(), counts, utilisation * 100);
            ReliabilityReport.record("Pacing under the rate limit", "API limit of 20 requests per 2 s calendar window; a first sync of 2 accounts",
                    String.format("%d requests over %d windows, %d × 429, %.0f%% of the allowed requests used in each whole window",
                            arrivals.size(), counts.size(), simulator.stats().withStatus(429), utilisation * 100));
            assertThat(arrivals.size()).isGreaterThan(60);
            assertThat(full).isNotEmpty();
            assertThat(counts).allSatisfy(c -> assertThat(c).isLessThanOrEqualTo(20));
            assertThat(utilisation).isGreaterThanOrEqualTo(0.9);
            SyncEndToEndTest.assertWarehouseEqualsSimulator(sync);
        }
    }

    @Test
    void aV1SyncKeepsInsideTheTokenBucketAtNearlyItsRate() throws Exception {
        Clock clock = Clock.systemUTC();
        // the API's own limit, 10 a second with bursts of 15, and the connector's defaults for it
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(SyncEndToEndTest.dataset()).clock(clock)
                .apiKey(V1SyncEndToEndTest.KEY).start();
             SyncHarness sync = new SyncHarness(simulator, clock, Map.of(SyncSettings.START_DATE, SyncEndToEndTest.FROM.toString(),
                     SyncSettings.API, "v1", SyncSettings.API_TOKEN, V1SyncEndToEndTest.KEY, SyncSettings.PAGE_SIZE, "50",
                     SyncSettings.V1_REQUESTS_PER_SECOND, "10"))) {
            SyncRun run = sync.once();

            assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertThat(simulator.stats().withStatus(429)).isZero();
            assertThat(run.retries()).isZero();
            List<Long> arrivals = simulator.stats().arrivals();
            // after the first burst the bucket refills at 10 a second: the rate the sync kept up
            double seconds = (arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1000.0;
            double rate = (arrivals.size() - 14) / seconds;
            System.out.printf("v1 pacing: %d requests in %.1f s, %.1f a second after the burst%n", arrivals.size(), seconds, rate);
            ReliabilityReport.record("Pacing under the /v1 token bucket", "API limit of 10 requests a second, bursts of 15; a first sync of 2 accounts",
                    String.format("%d requests in %.1f s, %d × 429, %.1f requests a second after the first burst",
                            arrivals.size(), seconds, simulator.stats().withStatus(429), rate));
            assertThat(arrivals.size()).isGreaterThan(60);
            assertThat(rate).isBetween(9.0, 10.5);
        }
    }
}
