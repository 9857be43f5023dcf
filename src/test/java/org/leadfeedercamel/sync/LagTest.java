package org.leadfeedercamel.sync;

import org.leadfeedercamel.run.SyncRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.operations.SyncMetrics;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.MutableClock;
import org.leadfeedercamel.sql.Dialect;
import org.leadfeedercamel.sql.SqlStatements;
import org.leadfeedercamel.state.StreamStatus;

/**
 * The lag of a stream synced through today counts today as fresh only as of when it was last read:
 * today's window completed at 10:00 is four hours behind at 14:00, however complete it was then.
 */
class LagTest {

    @Test
    void todayIsFreshOnlyAsOfItsLastRead() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-04-30T10:00:00Z"));
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(SyncEndToEndTest.dataset().withVisitsPerAccount(300))
                .clock(clock).token("tok").requestsPerWindow(0).start();
             SyncHarness sync = new SyncHarness(simulator, clock, SyncEndToEndTest.START)) {
            assertThat(sync.once().status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            SyncMetrics metrics = sync.instance.metrics();
            Gauge lag = metrics.registry().get("leadfeeder.lag").tags("account", "100001", "stream", "visits").gauge();
            StreamStatus status = new StreamStatus(sync.dataSource, new SqlStatements(Dialect.H2, "raw_leadfeeder__"));

            assertThat(lag.value()).as("just read").isZero();

            clock.advance(Duration.ofHours(4));

            assertThat(lag.value()).isEqualTo(Duration.ofHours(4).toSeconds());
            assertThat(status.read(SyncEndToEndTest.FROM)).allSatisfy(entry -> {
                assertThat(entry.syncedThrough()).isEqualTo(SyncEndToEndTest.TO);
                assertThat(entry.lag(clock, SyncEndToEndTest.FROM)).isEqualTo(Duration.ofHours(4));
            });

            assertThat(sync.once().status()).isEqualTo(SyncRun.Status.SUCCEEDED);

            assertThat(lag.value()).as("read again").isZero();
        }
    }
}
