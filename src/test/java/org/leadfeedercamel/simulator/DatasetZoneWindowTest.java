package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.simulator.data.Dataset;
import org.leadfeedercamel.simulator.data.SimVisit;

/** A window of dates in any zone holds exactly the visits whose start falls on those dates there, newest first. */
class DatasetZoneWindowTest {

    @Test
    void zoneWindowsAgreeWithFilteringEveryVisitIncludingLateArrivalsAndTheClock() {
        // now is late on the last day, so that day is still filling up
        Dataset dataset = new Dataset(TestDatasets.small(), Clock.fixed(Instant.parse("2025-04-30T15:00:00Z"), ZoneOffset.UTC));
        for (int i = 0; i < 3; i++) {
            dataset.arrive(TestDatasets.HELSINKI);
            dataset.arrive(TestDatasets.KOLKATA);
        }
        for (String account : List.of(TestDatasets.HELSINKI, TestDatasets.LOS_ANGELES, TestDatasets.KOLKATA)) {
            List<SimVisit> all = list(dataset.visits(account, TestDatasets.FROM.minusDays(2), TestDatasets.TO.plusDays(2)));
            for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("Pacific/Kiritimati"), ZoneId.of("America/Los_Angeles"))) {
                for (LocalDate[] window : List.of(dates("2025-02-28", "2025-03-01"), dates("2025-03-30", "2025-03-30"),
                        dates("2025-04-10", "2025-04-12"), dates("2025-04-30", "2025-05-01"))) {
                    List<String> expected = all.stream()
                            .filter(v -> !localDate(v, zone).isBefore(window[0]) && !localDate(v, zone).isAfter(window[1]))
                            .map(SimVisit::id).toList();
                    List<String> actual = list(dataset.visits(account, window[0], window[1], zone)).stream()
                            .map(SimVisit::id).toList();
                    assertThat(actual).as(account + " " + zone + " " + window[0]).containsExactlyElementsOf(expected);
                    assertThat(dataset.visits(account, window[0], window[1], zone, 3, 5).items().stream().map(SimVisit::id))
                            .containsExactlyElementsOf(expected.subList(Math.min(3, expected.size()),
                                    Math.min(8, expected.size())));
                }
            }
        }
    }

    private static LocalDate localDate(SimVisit visit, ZoneId zone) {
        return visit.startedAt().atZone(zone).toLocalDate();
    }

    private static LocalDate[] dates(String from, String to) {
        return new LocalDate[] {LocalDate.parse(from), LocalDate.parse(to)};
    }

    private static List<SimVisit> list(Iterable<SimVisit> visits) {
        List<SimVisit> list = new ArrayList<>();
        visits.forEach(list::add);
        return list;
    }
}
