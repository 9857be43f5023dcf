package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.simulator.data.Dataset;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.simulator.data.SimVisit;

/** The dataset's parameters shape it as documented: volume, spread, busy days, companies, relative ranges. */
class DatasetParametersTest {

    private static final LocalDate FROM = LocalDate.parse("2025-01-01");
    private static final LocalDate TO = LocalDate.parse("2025-03-31");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));

    private static DatasetSpec spec() {
        return DatasetSpec.defaults().withTimezones(List.of(ZoneId.of("Europe/Helsinki"), ZoneId.of("Pacific/Auckland")))
                .withRange(FROM, TO).withVisitsPerAccount(9_000).withCompaniesPerAccount(80);
    }

    private List<Integer> dailyCounts(Dataset dataset, String account) {
        List<Integer> counts = new ArrayList<>();
        for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
            counts.add(dataset.visits(account, day, day, 0, 0).total());
        }
        return counts;
    }

    @Test
    void everyAccountGetsExactlyItsVisitsSpreadUnevenlyOverTheRange() {
        Dataset dataset = new Dataset(spec(), clock);

        for (String account : List.of("100001", "100002")) {
            List<Integer> counts = dailyCounts(dataset, account);
            assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(9_000);
            assertThat(dataset.visits(account, FROM, TO, 0, 0).total()).isEqualTo(9_000);
            assertThat(counts.stream().distinct().count()).as("uneven days").isGreaterThan(20);
        }
    }

    @Test
    void noSpreadMeansEvenWeekdaysAndQuieterWeekends() {
        Dataset dataset = new Dataset(spec().withSpread(0), clock);
        List<Integer> counts = dailyCounts(dataset, "100001");

        // 2025 Q1 has 64 weekdays and 26 weekend days weighing 0.3 each
        double perWeekday = 9_000 / (64 + 26 * 0.3);
        int weekday = counts.get(5); // 2025-01-06 is a Monday
        int sunday = counts.get(4);
        assertThat(counts.stream().filter(c -> Math.abs(c - perWeekday) <= 1).count()).isEqualTo(64);
        assertThat((double) weekday).isCloseTo(perWeekday, org.assertj.core.data.Offset.offset(1.0));
        assertThat((double) sunday).isCloseTo(perWeekday * 0.3, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void busyDaysGoOverTheCap() {
        Dataset dataset = new Dataset(spec().withBusyDays(3, 11_000), clock);

        List<Integer> counts = dailyCounts(dataset, "100001");

        assertThat(counts.stream().filter(c -> c == 11_000).count()).isEqualTo(3);
        assertThat(dataset.visits("100001", FROM, TO, 0, 0).total()).isGreaterThan(3 * 11_000);
    }

    @Test
    void leadsNeverOutnumberTheCompanies() {
        Dataset dataset = new Dataset(spec(), clock);

        assertThat(dataset.leads("100001", FROM, TO)).hasSizeLessThanOrEqualTo(80).hasSizeGreaterThan(60);
    }

    @Test
    void theSameSpecGivesTheSameVisits() {
        List<SimVisit> first = dataset(spec()).visits("100002", TO, TO, 0, 100).items();
        List<SimVisit> again = dataset(spec()).visits("100002", TO, TO, 0, 100).items();
        List<SimVisit> otherSeed = dataset(spec().withSeed(5)).visits("100002", TO, TO, 0, 100).items();

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void aRelativeRangeEndsOnEachAccountsLocalTodayAndFillsUpAsTheDayGoesOn() {
        // 23:30 UTC: already tomorrow in Auckland, still today in Helsinki's evening
        clock.set(Instant.parse("2026-06-01T23:30:00Z"));
        Dataset dataset = new Dataset(DatasetSpec.defaults()
                .withTimezones(List.of(ZoneId.of("Europe/Helsinki"), ZoneId.of("Pacific/Auckland")))
                .withRelativeDays(7).withVisitsPerAccount(7_000), clock);

        assertThat(dataset.lastDay("100001")).isEqualTo(LocalDate.parse("2026-06-02"));
        assertThat(dataset.lastDay("100002")).isEqualTo(LocalDate.parse("2026-06-02"));
        assertThat(dataset.firstDay("100002")).isEqualTo(LocalDate.parse("2026-05-27"));
        clock.set(Instant.parse("2026-06-01T12:00:00Z"));
        assertThat(new Dataset(DatasetSpec.defaults().withTimezones(List.of(ZoneId.of("Europe/Helsinki")))
                .withRelativeDays(7), clock).lastDay("100001")).isEqualTo(LocalDate.parse("2026-06-01"));

        clock.set(Instant.parse("2026-06-02T00:30:00Z")); // 12:30 in Auckland
        LocalDate today = LocalDate.parse("2026-06-02");
        int planned = dataset.visits("100002", today, today, 0, 0).total();
        List<SimVisit> happened = dataset.visits("100002", today, today, 0, Integer.MAX_VALUE).items();
        assertThat(happened).allSatisfy(v -> assertThat(v.startedAt()).isBeforeOrEqualTo(clock.instant()));

        clock.advance(Duration.ofHours(6));
        int later = dataset.visits("100002", today, today, 0, 0).total();
        assertThat(planned).isPositive();
        assertThat(later).isGreaterThan(planned);
    }

    private Dataset dataset(DatasetSpec spec) {
        return new Dataset(spec, clock);
    }
}
