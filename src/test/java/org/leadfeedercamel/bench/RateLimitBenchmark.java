package org.leadfeedercamel.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.sync.SyncHarness;
import org.leadfeedercamel.run.SyncRun;

/**
 * Rate-limit use: a first sync against the simulator with its limit on, scaled down from 100 per minute
 * to 30 per 3-second calendar window, once with the connector's pacing and once without it (leaning on
 * 429 and Retry-After alone), side by side. Run with {@code mvn -B -q test-compile exec:exec@rate-limit-benchmark};
 * rewrites its section of BENCHMARKS.md.
 */
public final class RateLimitBenchmark {

    private static final int LIMIT = 30;
    private static final Duration WINDOW = Duration.ofSeconds(3);

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        DatasetSpec spec = DatasetSpec.defaults()
                .withTimezones(List.of(ZoneId.of("Europe/Helsinki"), ZoneId.of("America/Los_Angeles")))
                .withRange(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-03-31"))
                .withVisitsPerAccount(8_000).withCompaniesPerAccount(500);
        StringBuilder rows = new StringBuilder();
        for (boolean paced : List.of(true, false)) {
            Clock clock = Clock.systemUTC(); // the limit's calendar windows are real time
            try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(spec).clock(clock).token("tok")
                    .requestsPerWindow(LIMIT).rateWindow(WINDOW).retryAfter(true).start();
                 SyncHarness sync = new SyncHarness(simulator, clock, Map.of(SyncSettings.START_DATE, "2025-01-01",
                         SyncSettings.RATE_LIMIT_REQUESTS, paced ? String.valueOf(LIMIT) : "0",
                         SyncSettings.RATE_LIMIT_WINDOW, String.valueOf(WINDOW.toSeconds())))) {
                long started = System.nanoTime();
                SyncRun run = sync.once();
                double seconds = (System.nanoTime() - started) / 1e9;
                if (run.status() != SyncRun.Status.SUCCEEDED) {
                    throw new IllegalStateException(run.error());
                }
                // requests the API accepted per calendar window: every arrival but those answered 429
                Map<Long, Integer> perWindow = new TreeMap<>();
                for (long at : simulator.stats().arrivals()) {
                    perWindow.merge(Math.floorDiv(at, WINDOW.toMillis()), 1, Integer::sum);
                }
                for (long at : simulator.stats().rateLimitedArrivals()) {
                    perWindow.merge(Math.floorDiv(at, WINDOW.toMillis()), -1, Integer::sum);
                }
                // the first and the last window are only partly the sync's; every one between is whole
                List<Integer> whole = new ArrayList<>(perWindow.values()).subList(1, perWindow.size() - 1);
                rows.append(String.format("| %s | %,d | %,d | %s | %.0f%% | %.0f%% | %.1f s |%n",
                        paced ? "paced (the connector's default)" : "not paced: 429 + Retry-After only",
                        simulator.stats().requests(), simulator.stats().withStatus(429), whole.size(),
                        100.0 * whole.stream().mapToInt(Integer::intValue).sum() / ((double) LIMIT * whole.size()),
                        100.0 * whole.stream().mapToInt(Integer::intValue).min().orElse(0) / LIMIT, seconds));
                System.out.printf("%s: accepted per window %s%n", paced ? "paced" : "unpaced", perWindow.values());
            }
        }
        String section = """
                ## Rate limit: the whole budget used, no 429

                Command: `mvn -B -q test-compile exec:exec@rate-limit-benchmark`. Machine: %s, %d cores, Java %s. Run: %s.

                A first sync of 2 accounts × 90 days (16,000 visits, leads) against the simulator with its limit on,
                scaled down from 100 per minute to %d per %d-second calendar window. Use = requests the API accepted in
                a window / the limit, over the windows the sync spans whole. The pacer keeps one request per window in
                reserve (a request sent in a window's last moment may count in the next), so at %d per window it can
                use at most %.0f%%; at the real API's 100 per minute, 99%%.

                | pacing | requests | 429s | whole windows | use, mean | use, lowest window | wall time |
                |---|---|---|---|---|---|---|
                %s""".formatted(BenchmarkReport.machine(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                LIMIT, WINDOW.toSeconds(), LIMIT, 100.0 * (LIMIT - 1) / LIMIT, rows);
        System.out.println(section);
        BenchmarkReport.writeSection(report, section);
    }
}
