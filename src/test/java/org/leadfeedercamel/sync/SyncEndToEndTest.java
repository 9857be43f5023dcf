package org.leadfeedercamel.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.DatasetSpec;

class SyncEndToEndTest {

    static final LocalDate FROM = LocalDate.parse("2025-03-01");
    static final LocalDate TO = LocalDate.parse("2025-04-30");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-01T12:00:00Z"), ZoneOffset.UTC);

    static DatasetSpec dataset() {
        return DatasetSpec.defaults()
                .withTimezones(List.of(ZoneId.of("Europe/Helsinki"), ZoneId.of("America/Los_Angeles")))
                .withRange(FROM, TO).withVisitsPerAccount(1_500).withCompaniesPerAccount(80);
    }

    @Test
    void aFirstSyncLoadsEverything() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(dataset()).clock(CLOCK).token("tok")
                .requestsPerWindow(0).start();
             SyncHarness sync = new SyncHarness(simulator, CLOCK, Map.of("leadfeeder.start-date", FROM.toString()))) {
            SyncRun run = sync.once();

            assertThat(run.error()).isNull();
            assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertThat(sync.count("raw_leadfeeder__visits")).isEqualTo(3_000);
            System.out.println("requests " + run.requests() + " rows " + sync.count("raw_leadfeeder__visit_routs"));
        }
    }
}
