package org.leadfeedercamel.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.MutableClock;
import org.leadfeedercamel.simulator.data.Dataset;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.simulator.data.SimAccount;
import org.leadfeedercamel.sync.SyncHarness;
import org.leadfeedercamel.run.SyncRun;

/**
 * Requests a full backfill issues, beside the fewest the API allows and the replaced connector's
 * one-day-window strategy, on the same seeded dataset; then the requests of an incremental run. The
 * same backfill through the unified API ({@code /v1}, UTC-day windows) beside its own lower bound, and
 * what it costs of a key's monthly quota.
 * Run with {@code mvn -B -q test-compile exec:exec@request-benchmark}; rewrites its section of BENCHMARKS.md.
 */
public final class RequestCountBenchmark {

    private static final int CAP = 10_000;
    private static final int PAGE = 100;
    private static final LocalDate FROM = LocalDate.parse("2025-01-01");
    private static final LocalDate TO = LocalDate.parse("2025-12-31");

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        DatasetSpec spec = DatasetSpec.defaults().withTimezones(List.of(ZoneId.of("Europe/Helsinki"), ZoneId.of("America/Los_Angeles")))
                .withRange(FROM, TO).withVisitsPerAccount(100_000).withCompaniesPerAccount(5_000).withBusyDays(1, 12_000);
        // the day after the range, so every window of the sync runs to the range's end
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(spec).clock(clock).token("tok")
                .apiKey("key").requestsPerWindow(0).v1RequestsPerSecond(0).start();
             SyncHarness sync = new SyncHarness(simulator, clock, Map.of(SyncSettings.START_DATE, FROM.toString()));
             // a day earlier: the Helsinki account's first local day begins on the UTC day before
             SyncHarness v1 = new SyncHarness(simulator, clock, Map.of(SyncSettings.START_DATE, FROM.minusDays(1).toString(),
                     SyncSettings.API, "v1", SyncSettings.API_TOKEN, "key"))) {
            Dataset data = simulator.dataset();
            long started = System.nanoTime();
            SyncRun backfill = sync.once();
            double seconds = (System.nanoTime() - started) / 1e9;
            if (backfill.status() != SyncRun.Status.SUCCEEDED) {
                throw new IllegalStateException("backfill failed: " + backfill.error());
            }
            SyncRun incremental = sync.once();
            long v1Started = System.nanoTime();
            SyncRun v1Backfill = v1.once();
            double v1Seconds = (System.nanoTime() - v1Started) / 1e9;
            if (v1Backfill.status() != SyncRun.Status.SUCCEEDED) {
                throw new IllegalStateException("/v1 backfill failed: " + v1Backfill.error());
            }
            SyncRun v1Incremental = v1.once();
            Map<String, Long> quota = new LinkedHashMap<>();
            for (String interval : QUOTA_POLICIES.keySet()) {
                quota.put(interval, hourlyMonth(interval));
            }
            // each stream alone, as backfills of the same range: where the requests above go
            long v1Visits = v1.run(SyncRun.backfill(FROM.minusDays(1), TO.plusDays(1), List.of("visits"), clock)).requests() - 1;
            long v1Leads = v1.run(SyncRun.backfill(FROM.minusDays(1), TO.plusDays(1), List.of("leads"), clock)).requests() - 1;

            long lowerBound = 1;
            long v1LowerBound = 1;
            long v1VisitsBound = 0;
            long v1LeadsBound = 0;
            long seedStrategy = 0;
            long visits = 0;
            long leads = 0;
            for (SimAccount account : data.accounts()) {
                lowerBound += fewestRequests(data, account.id(), true, null, FROM, TO)
                        + fewestRequests(data, account.id(), false, null, FROM, TO);
                v1VisitsBound += fewestRequests(data, account.id(), true, ZoneOffset.UTC, FROM.minusDays(1), TO.plusDays(1));
                v1LeadsBound += fewestRequests(data, account.id(), false, ZoneOffset.UTC, FROM.minusDays(1), TO.plusDays(1));
                for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
                    seedStrategy += pages(data.visits(account.id(), day, day, 0, 0).total())
                            + pages(data.leads(account.id(), day, day).size());
                }
                visits += data.visits(account.id(), FROM, TO, 0, 0).total();
                leads += data.leads(account.id(), FROM, TO).size();
            }
            v1LowerBound += v1VisitsBound + v1LeadsBound;
            String section = """
                    ## Requests: a full backfill against the API's limits

                    Command: `mvn -B -q test-compile exec:exec@request-benchmark`. Machine: %s, %d cores, Java %s. Run: %s.

                    Dataset: 2 accounts (Helsinki, Los Angeles) × 365 days, %,d visits, %,d leads over the year, one
                    day per account with 12,000 visits (over the 10,000 cap). Page size 100.

                    | strategy | requests | vs the lower bound |
                    |---|---|---|
                    | lower bound: 1 + Σ ceil(rows / 100) over the fewest windows the cap forces | %,d | 1.00 |
                    | this connector (adaptive windows, halved when a first page shows the cap) | %,d | %.3f |
                    | the replaced connector: one-day windows, every stream, every day | %,d | %.3f |

                    This connector issues **%.1f× fewer** requests than the replaced one's strategy; at the real API's
                    100 requests per minute the backfill takes %.0f minutes instead of %.0f. Wall time here, rate limit off: %.1f s.
                    An incremental run afterwards (today alone: the older lookback days had just been read whole) issued **%d** requests.

                    The same backfill through the unified API (`/v1`: UTC-day windows, company-location rows for leads):

                    | `/v1` | requests | lower bound (the same rule over the UTC days the range covers) | vs the bound |
                    |---|---|---|---|
                    | the whole backfill | %,d | %,d | %.3f |
                    | its visits alone | %,d | %,d | %.3f |
                    | its leads alone (company-location rows) | %,d | %,d | %.3f |

                    A window over the cap is split by its `total_count` into as few windows of equal days as keep each at
                    about 85%% of the cap; a company's rows repeat in every window it visited in, so those windows hold
                    more rows between them than the bound's greedy ones. That backfill spends **%.1f%%** of a key's
                    monthly quota of 100,000 requests; at the API's 10
                    requests a second it takes %.1f minutes. Wall time here, rate limit off: %.1f s. An incremental run
                    afterwards issued **%d** requests.

                    What freshness costs on `/v1`: one account in UTC with 1,000 visits a day (%,d companies), synced
                    every hour for 30 days on a simulated clock after its first sync, lookback 3 days, per lookback
                    policy (`leadfeeder.lookback-interval`: today is read on every run, the two days before it when
                    the interval has passed since they were last read whole after they ended):

                    | lookback policy | requests in 30 days | of a key's 100,000 a month |
                    |---|---|---|
                    %s
                    """.formatted(BenchmarkReport.machine(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    visits, leads, lowerBound, backfill.requests(), (double) backfill.requests() / lowerBound, seedStrategy,
                    (double) seedStrategy / lowerBound, (double) seedStrategy / backfill.requests(),
                    backfill.requests() / 99.0, seedStrategy / 99.0, seconds, incremental.requests(),
                    v1Backfill.requests(), v1LowerBound, (double) v1Backfill.requests() / v1LowerBound,
                    v1Visits, v1VisitsBound, (double) v1Visits / v1VisitsBound, v1Leads, v1LeadsBound, (double) v1Leads / v1LeadsBound,
                    v1Backfill.requests() / 1_000.0, v1Backfill.requests() / 10.0 / 60, v1Seconds, v1Incremental.requests(),
                    QUOTA_COMPANIES,
                    quotaRows(quota));
            System.out.println(section);
            BenchmarkReport.writeSection(report, section);
        }
    }

    /** The policies the quota figure compares, by their {@code leadfeeder.lookback-interval}. */
    private static final Map<String, String> QUOTA_POLICIES = new LinkedHashMap<>();

    static {
        QUOTA_POLICIES.put("0", "the older days on every run (`0`, as before this policy)");
        QUOTA_POLICIES.put("6", "the older days every 6 hours (`6`)");
        QUOTA_POLICIES.put("24", "the older days once a day, after midnight (`24`, the default)");
    }

    private static final LocalDate QUOTA_START = LocalDate.parse("2025-03-01");
    private static final int QUOTA_DAYS = 30;
    private static final int QUOTA_COMPANIES = 3_000;

    /** Requests of 30 days of hourly /v1 runs of one account with 1,000 visits a day, after its first sync. */
    private static long hourlyMonth(String lookbackInterval) throws Exception {
        DatasetSpec spec = DatasetSpec.defaults().withTimezones(List.of(ZoneOffset.UTC))
                .withRange(QUOTA_START.minusDays(3), QUOTA_START.plusDays(QUOTA_DAYS + 1))
                .withVisitsPerAccount(1_000L * (QUOTA_DAYS + 5)).withCompaniesPerAccount(QUOTA_COMPANIES);
        MutableClock clock = new MutableClock(QUOTA_START.atTime(0, 30).toInstant(ZoneOffset.UTC));
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(spec).clock(clock).apiKey("key")
                .requestsPerWindow(0).v1RequestsPerSecond(0).start();
             SyncHarness v1 = new SyncHarness(simulator, clock, Map.of(SyncSettings.START_DATE, QUOTA_START.minusDays(3).toString(),
                     SyncSettings.API, "v1", SyncSettings.API_TOKEN, "key", SyncSettings.LOOKBACK_INTERVAL, lookbackInterval))) {
            succeed(v1.once());
            long before = simulator.stats().requests();
            for (int hour = 0; hour < QUOTA_DAYS * 24; hour++) {
                clock.advance(Duration.ofHours(1));
                succeed(v1.once());
            }
            return simulator.stats().requests() - before;
        }
    }

    private static void succeed(SyncRun run) {
        if (run.status() != SyncRun.Status.SUCCEEDED) {
            throw new IllegalStateException("an hourly run failed: " + run.error());
        }
    }

    private static String quotaRows(Map<String, Long> requests) {
        StringBuilder rows = new StringBuilder();
        requests.forEach((interval, count) -> rows.append(String.format("| %s | %,d | **%.1f%%** |%n", QUOTA_POLICIES.get(interval),
                count, count / 1_000.0)));
        return rows.toString().strip();
    }

    /** Σ ceil(rows / 100) over the fewest windows, greedy by day, that keep each under the cap (a day over it is read capped). */
    private static long fewestRequests(Dataset data, String account, boolean visits, ZoneId zone, LocalDate from, LocalDate to) {
        long requests = 0;
        LocalDate start = from;
        while (!start.isAfter(to)) {
            LocalDate end = start;
            int rows = count(data, account, visits, zone, start, end);
            while (end.isBefore(to)) {
                int wider = count(data, account, visits, zone, start, end.plusDays(1));
                if (wider > CAP) {
                    break;
                }
                end = end.plusDays(1);
                rows = wider;
            }
            requests += pages(Math.min(rows, CAP));
            start = end.plusDays(1);
        }
        return requests;
    }

    /** Rows of a window: account-local days (zone null) as the classic API counts them, or days in {@code zone} as /v1 does. */
    private static int count(Dataset data, String account, boolean visits, ZoneId zone, LocalDate from, LocalDate to) {
        if (zone == null) {
            return visits ? data.visits(account, from, to, 0, 0).total() : data.leads(account, from, to).size();
        }
        return visits ? data.visits(account, from, to, zone, 0, 0).total() : data.companyLocations(account, from, to, zone).size();
    }

    /** Requests to read a window of this many rows: at least one, even when it is empty. */
    private static long pages(int rows) {
        return Math.max(1, (rows + PAGE - 1) / PAGE);
    }
}
