package org.leadfeedercamel.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.MutableClock;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.simulator.data.ExpectedRows;

/**
 * On an hourly schedule (a simulated clock) today is read on every run, and the lookback days before
 * it once after midnight, then again only when the lookback interval has passed; with the interval 0,
 * on every run as before. Each older day is read whole after it ended within a day, so a visit
 * identified late is caught within a day. The visits stay equal to the API's either way.
 */
class LookbackIntervalTest {

    private static final LocalDate DAY = LocalDate.parse("2025-04-30");
    /** One account in UTC, 400 visits a day from the start date on, through the days of the test. */
    private static final DatasetSpec DATASET = DatasetSpec.defaults().withTimezones(List.of(ZoneId.of("UTC")))
            .withRange(DAY.minusDays(2), DAY.plusDays(3)).withVisitsPerAccount(6 * 400).withCompaniesPerAccount(40);

    /** The windows a run read, as the state's keys {@code from..to} of the windows it completed. */
    private static Set<String> windowsRead(SyncHarness sync, Instant at) {
        return new TreeSet<>(sync.jdbc.queryForList("SELECT messageId FROM leadfeeder_completed_windows WHERE createdAt = ?",
                String.class, at.atOffset(java.time.ZoneOffset.UTC)));
    }

    /** The visits and their routes equal the API's, every visit that has happened by the clock's now. */
    private static void assertVisitsEqualSimulator(SyncHarness sync) {
        ExpectedRows expected = new ExpectedRows(sync.simulator.dataset());
        LocalDate from = DAY.minusDays(2);
        LocalDate to = DAY.plusDays(3);
        WarehouseTables.assertEquals(sync.jdbc, "raw_leadfeeder__visits", List.of("account_id", "visit_id"),
                expected.visits("100001", from, to));
        WarehouseTables.assertEquals(sync.jdbc, "raw_leadfeeder__visit_routs", List.of("account_id", "visit_id", "page_number"),
                expected.visitRoutes("100001", from, to));
    }

    /** The API on the test's clock, its rate limit off. */
    private static LeadfeederSimulator simulator(MutableClock clock) {
        return LeadfeederSimulator.builder().dataset(DATASET).clock(clock).token("tok").requestsPerWindow(0).start();
    }

    /** {@code hours} hourly runs after {@code after}, each reading {@code window} alone. */
    private static void syncHourly(SyncHarness sync, MutableClock clock, Instant after, int hours, String window) {
        for (int hour = 1; hour <= hours; hour++) {
            syncReading(sync, clock, after.plus(Duration.ofHours(hour)), window);
        }
    }

    /** A run at {@code at} that reads {@code window} alone. */
    private static void syncReading(SyncHarness sync, MutableClock clock, Instant at, String window) {
        syncAt(sync, clock, at);
        assertThat(windowsRead(sync, at)).as("the windows read at " + at).containsExactly(window);
    }

    private static SyncRun syncAt(SyncHarness sync, MutableClock clock, Instant at) {
        clock.set(at);
        SyncRun run = sync.once();
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(SyncRun.Status.SUCCEEDED);
        return run;
    }

    @Test
    void olderLookbackDaysAreReadOnceAfterMidnightThenOncePerInterval() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-04-30T10:00:00Z"));
        try (LeadfeederSimulator simulator = simulator(clock);
             SyncHarness sync = new SyncHarness(simulator, clock, Map.of("leadfeeder.start-date", "2025-04-28"))) {
            Instant first = Instant.parse("2025-04-30T10:00:00Z");
            syncReading(sync, clock, first, "2025-04-28..2025-04-30");

            Instant hourLater = Instant.parse("2025-04-30T11:00:00Z");
            syncReading(sync, clock, hourLater, "2025-04-30..2025-04-30");

            // after midnight yesterday has not been read whole since it ended: the lookback days are read
            Instant afterMidnight = Instant.parse("2025-05-01T00:30:00Z");
            syncReading(sync, clock, afterMidnight, "2025-04-29..2025-05-01");

            syncHourly(sync, clock, afterMidnight, 23, "2025-05-01..2025-05-01");

            Instant nextMidnight = Instant.parse("2025-05-02T00:30:00Z");
            syncReading(sync, clock, nextMidnight, "2025-04-30..2025-05-02");
            assertVisitsEqualSimulator(sync);
        }
    }

    @Test
    void anIntervalShorterThanADayReadsTheOlderDaysAgainWhenItHasPassed() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-04-30T10:00:00Z"));
        try (LeadfeederSimulator simulator = simulator(clock);
             SyncHarness sync = new SyncHarness(simulator, clock, Map.of("leadfeeder.start-date", "2025-04-28",
                     "leadfeeder.lookback-interval", "6"))) {
            Instant first = Instant.parse("2025-04-30T10:00:00Z");
            syncAt(sync, clock, first);
            syncHourly(sync, clock, first, 5, "2025-04-30..2025-04-30");
            Instant sixHoursOn = Instant.parse("2025-04-30T16:00:00Z");
            syncReading(sync, clock, sixHoursOn, "2025-04-28..2025-04-30");
            assertVisitsEqualSimulator(sync);
        }
    }

    @Test
    void intervalZeroReadsTheLookbackOnEveryRunAndCostsMoreRequests() throws Exception {
        long[] requests = new long[2];
        String[] intervals = {"0", "24"};
        for (int i = 0; i < 2; i++) {
            MutableClock clock = new MutableClock(Instant.parse("2025-04-30T10:00:00Z"));
            try (LeadfeederSimulator simulator = simulator(clock);
                 SyncHarness sync = new SyncHarness(simulator, clock, Map.of("leadfeeder.start-date", "2025-04-28",
                         "leadfeeder.lookback-interval", intervals[i]))) {
                Instant first = Instant.parse("2025-04-30T10:00:00Z");
                syncAt(sync, clock, first);
                long before = simulator.stats().requests();
                syncHourly(sync, clock, first, 9, i == 0 ? "2025-04-28..2025-04-30" : "2025-04-30..2025-04-30");
                requests[i] = simulator.stats().requests() - before;
                assertVisitsEqualSimulator(sync);
            }
        }
        // 400 visits a day: the older two days are 8 more pages of visits a run, and their leads
        assertThat(requests[1]).as("requests of nine hourly runs, interval 24 h against 0").isLessThan(requests[0] - 9 * 8);
    }
}
