package org.leadfeedercamel.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.leadfeedercamel.simulator.ClassicShapes;
import org.leadfeedercamel.simulator.Fault;
import org.leadfeedercamel.simulator.FaultSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.Dataset;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.simulator.data.SimAccount;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code simulator}: serves the built-in Leadfeeder API until stopped. */
@Command(name = "simulator",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Serve the built-in Leadfeeder API simulator (classic API and unified /v1 API) until stopped with Ctrl-C.",
            "Same seed and dataset options give the same data."})
final class SimulatorCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", defaultValue = "8089", description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    private String host;

    @Option(names = "--token", defaultValue = LeadfeederSimulator.DEFAULT_TOKEN,
            description = "API token clients must send as 'Authorization: Token token=<token>' (default: ${DEFAULT-VALUE}).")
    private String token;

    @Option(names = "--api-key", defaultValue = LeadfeederSimulator.DEFAULT_API_KEY,
            description = "Key clients of the unified /v1 API must send as 'X-Api-Key: <key>'; tokens are not keys (default: ${DEFAULT-VALUE}).")
    private String apiKey;

    @Option(names = "--seed", defaultValue = "" + DatasetSpec.DEFAULT_SEED, description = "Dataset seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--requests-per-minute", defaultValue = "100",
            description = "Requests per token per rate window, 0 turns the limit off (default: ${DEFAULT-VALUE}).")
    private int requestsPerMinute;

    @Option(names = "--rate-window-seconds", defaultValue = "60",
            description = "Length of the calendar rate-limit window in seconds (default: ${DEFAULT-VALUE}).")
    private int rateWindowSeconds;

    @Option(names = "--retry-after", description = "Send a Retry-After header with 429 answers.")
    private boolean retryAfter;

    @Option(names = "--accept-bearer", description = "Also accept 'Authorization: Bearer <token>'.")
    private boolean acceptBearer;

    @Option(names = "--link-objects", description = "Write page links as JSON:API link objects ({\"href\": ...}) instead of URL strings.")
    private boolean linkObjects;

    @Option(names = "--unmappable-visits-every", defaultValue = "0",
            description = "About one visit in N is served with a visit_length that is no number, 0 = none (default: ${DEFAULT-VALUE}).")
    private int unmappableVisitsEvery;

    @Option(names = "--result-cap", defaultValue = "10000",
            description = "Results one list query can reach before it is cut silently (default: ${DEFAULT-VALUE}).")
    private int resultCap;

    @Option(names = "--v1-requests-per-second", defaultValue = "10",
            description = "/v1: tokens per second refilling each key's bucket, 0 turns the limit off (default: ${DEFAULT-VALUE}).")
    private double v1RequestsPerSecond;

    @Option(names = "--v1-burst", defaultValue = "15", description = "/v1: requests a key may make at once (default: ${DEFAULT-VALUE}).")
    private int v1Burst;

    @Option(names = "--v1-monthly-quota", defaultValue = "100000",
            description = "/v1: requests per key per UTC calendar month (default: ${DEFAULT-VALUE}).")
    private int v1MonthlyQuota;

    @Option(names = "--v1-docs-errors", description = "/v1: answer auth failures with 403 and the docs' flat {code,message} body (429s too).")
    private boolean v1DocsErrors;

    @Option(names = "--timezones", split = ",", defaultValue = "Europe/Helsinki,America/Los_Angeles",
            description = "One account per IANA timezone, ids 100001, 100002, ... (default: ${DEFAULT-VALUE}).")
    private List<ZoneId> timezones;

    @Option(names = "--non-premium", split = ",", description = "Account ids whose plan lacks API data (their leads and visits answer 402).")
    private List<String> nonPremium = List.of();

    @Option(names = "--from", description = "First day of an absolute date range (YYYY-MM-DD); needs --to.")
    private LocalDate from;

    @Option(names = "--to", description = "Last day of an absolute date range (YYYY-MM-DD); needs --from.")
    private LocalDate to;

    @Option(names = "--days", defaultValue = "30",
            description = "Without --from/--to: the range is the last N days up to each account's local today (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--visits", defaultValue = "2000", description = "Visits per account over the range (default: ${DEFAULT-VALUE}).")
    private long visits;

    @Option(names = "--companies", defaultValue = "150", description = "Visiting companies (leads) per account (default: ${DEFAULT-VALUE}).")
    private int companies;

    @Option(names = "--spread", defaultValue = "0.5", description = "Day-to-day unevenness of visit volume, 0 = even (default: ${DEFAULT-VALUE}).")
    private double spread;

    @Option(names = "--busy-days", defaultValue = "0", description = "Days per account with --busy-day-visits visits each (default: ${DEFAULT-VALUE}).")
    private int busyDays;

    @Option(names = "--busy-day-visits", defaultValue = "12000", description = "Visits on each busy day (default: ${DEFAULT-VALUE}).")
    private int busyDayVisits;

    @Option(names = "--fault-seed", defaultValue = "1", description = "Seed of the random faults (default: ${DEFAULT-VALUE}).")
    private long faultSeed;

    @Option(names = "--fault-5xx-rate", defaultValue = "0", description = "Share of requests answered 500/502/503/504.")
    private double serverErrorRate;

    @Option(names = "--fault-slow-rate", defaultValue = "0", description = "Share of requests answered late.")
    private double slowRate;

    @Option(names = "--fault-slow-ms", defaultValue = "2000", description = "Delay of a slow answer in ms (default: ${DEFAULT-VALUE}).")
    private long slowMillis;

    @Option(names = "--fault-reset-rate", defaultValue = "0", description = "Share of requests whose connection is reset mid-body.")
    private double resetRate;

    @Option(names = "--fault-truncate-rate", defaultValue = "0", description = "Share of requests whose JSON body is cut short.")
    private double truncateRate;

    @Option(names = "--fault-oversized-rate", defaultValue = "0",
            description = "Share of requests answered with a body padded with whitespace to --fault-oversized-mb, sent chunked.")
    private double oversizedRate;

    @Option(names = "--fault-oversized-mb", defaultValue = "400",
            description = "Size of an oversized body in MB (MiB), streamed without the simulator holding it (default: ${DEFAULT-VALUE}).")
    private long oversizedMb;

    @Option(names = "--fault-next", description = "Every list page's paging lies: 'self' (links.next is the page itself; /v1 answers page 1 "
            + "whatever page[num] asks), 'backwards' (next is the page before; /v1 answers page N-1), 'past-last' (next lies past "
            + "links.last; /v1 reports a page_num past page_count). Replaces the random faults.")
    private String pagingLie;

    @Option(names = "--unavailable-retry-after", defaultValue = "0",
            description = "Seconds of the Retry-After header on 503 answers, 0 = none (default: ${DEFAULT-VALUE}).")
    private int unavailableRetryAfter;

    @Option(names = "--arrival-every", defaultValue = "0",
            description = "After every N visits pages of an account a new visit arrives, shifting offsets (0 = never).")
    private int arrivalEvery;

    @Override
    public Integer call() throws InterruptedException {
        DatasetSpec dataset;
        LeadfeederSimulator.Builder builder;
        try {
            dataset = DatasetSpec.defaults().withSeed(seed).withTimezones(timezones)
                    .withNonPremiumAccounts(new LinkedHashSet<>(nonPremium)).withRelativeDays(days)
                    .withVisitsPerAccount(visits).withCompaniesPerAccount(companies).withSpread(spread)
                    .withBusyDays(busyDays, busyDayVisits);
            if (from != null || to != null) {
                dataset = dataset.withRange(from, to);
            }
            builder = LeadfeederSimulator.builder().dataset(dataset).host(host).port(port).token(token)
                    .requestsPerWindow(requestsPerMinute).rateWindow(Duration.ofSeconds(rateWindowSeconds))
                    .retryAfter(retryAfter).acceptBearer(acceptBearer).resultCap(resultCap)
                    .classicShapes(new ClassicShapes(linkObjects, unmappableVisitsEvery))
                    .apiKey(apiKey).v1RequestsPerSecond(v1RequestsPerSecond).v1Burst(v1Burst)
                    .v1MonthlyQuota(v1MonthlyQuota).v1DocsErrors(v1DocsErrors)
                    .faults(new FaultSettings(faultSeed, serverErrorRate, slowRate, slowMillis, resetRate, truncateRate,
                            arrivalEvery, oversizedRate, Math.multiplyExact(oversizedMb, 1024L * 1024)))
                    .unavailableRetryAfter(unavailableRetryAfter);
        } catch (RuntimeException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Fault pagingFault = pagingLie == null ? null : switch (pagingLie) {
            case "self" -> Fault.NEXT_SELF;
            case "backwards" -> Fault.NEXT_BACKWARDS;
            case "past-last" -> Fault.NEXT_PAST_LAST;
            default -> throw new ParameterException(spec.commandLine(),
                    "--fault-next: '" + pagingLie + "' is not one of self, backwards, past-last");
        };
        CountDownLatch stopped = new CountDownLatch(1);
        try (LeadfeederSimulator simulator = builder.start()) {
            if (pagingFault != null) {
                simulator.faults().injectAlways(pagingFault);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                simulator.close();
                stopped.countDown();
            }, "simulator-shutdown"));
            describe(simulator);
            stopped.await();
        }
        return CommandLine.ExitCode.OK;
    }

    private void describe(LeadfeederSimulator simulator) {
        PrintWriter out = spec.commandLine().getOut();
        Dataset data = simulator.dataset();
        out.printf("Leadfeeder API simulator listening on %s (seed %d)%n", simulator.baseUrl(), seed);
        out.printf("Send 'Authorization: Token token=<the --token value>'; rate limit: %s%n",
                requestsPerMinute == 0 ? "off" : requestsPerMinute + " requests per " + rateWindowSeconds + " s per token");
        // the key is a demo credential, printed so a newcomer can call /v1 straight away
        out.printf("Unified API: send 'X-Api-Key: %s' to %s/v1/...; rate limit: %s, %,d requests per month%n", apiKey,
                simulator.baseUrl(), v1RequestsPerSecond == 0 ? "off" : v1RequestsPerSecond + " per second, burst " + v1Burst,
                v1MonthlyQuota);
        for (SimAccount account : data.accounts()) {
            String id = account.id();
            out.printf("  account %s  %-22s %-20s %s..%s  %,d visits%s%n", id, account.name(), account.timezone(),
                    data.firstDay(id), data.lastDay(id), data.visits(id, data.firstDay(id), data.lastDay(id), 0, 0).total(),
                    account.premium() ? "" : "  (not premium: 402)");
        }
        out.println("Stop with Ctrl-C.");
        out.flush();
    }
}
