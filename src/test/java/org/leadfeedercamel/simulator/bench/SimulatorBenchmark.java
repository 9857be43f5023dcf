package org.leadfeedercamel.simulator.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.leadfeedercamel.bench.BenchmarkReport;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.Dataset;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.simulator.data.Page;
import org.leadfeedercamel.simulator.data.SimVisit;

/**
 * How fast the simulator generates visits and what a million-visit dataset costs in heap. Run with
 * {@code mvn -B -q test-compile exec:exec@simulator-benchmark}; it rewrites the simulator section of
 * {@code BENCHMARKS.md}. The JVM runs with a small heap on purpose: serving must stream.
 */
public final class SimulatorBenchmark {

    private static final int VISITS = 1_000_000;
    private static final LocalDate FROM = LocalDate.parse("2024-01-01");
    private static final LocalDate TO = LocalDate.parse("2024-12-31");

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        DatasetSpec spec = DatasetSpec.defaults().withTimezones(List.of(ZoneId.of("Europe/Helsinki")))
                .withRange(FROM, TO).withVisitsPerAccount(VISITS).withCompaniesPerAccount(10_000)
                .withSpread(0.2); // keeps every day under the 10,000 cap, so one-day windows read everything

        long heapBefore = usedHeapAfterGc();
        long started = System.nanoTime();
        Dataset dataset = new Dataset(spec, Clock.systemUTC());
        int leads = dataset.leads("100001", FROM, TO).size(); // touches every visit's company and every company
        double buildSeconds = seconds(started);
        long heapDataset = usedHeapAfterGc() - heapBefore;

        // in-process generation: every visit of the year, as objects, no JSON
        started = System.nanoTime();
        long generated = 0;
        for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
            for (int offset = 0; ; offset += 100) {
                Page<SimVisit> page = dataset.visits("100001", day, day, offset, 100);
                generated += page.items().size();
                if (offset + 100 >= page.total()) {
                    break;
                }
            }
        }
        double generateSeconds = seconds(started);

        // over HTTP: every page of the year, one-day windows of 100, parsed by a streaming client
        long served;
        long bytes;
        long requests;
        double serveSeconds;
        double serverCpuSeconds;
        long peakHeap;
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(spec).token("bench")
                .requestsPerWindow(0).start()) {
            HttpClient http = HttpClient.newHttpClient();
            started = System.nanoTime();
            long[] counts = new long[3];
            for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
                String next = simulator.baseUrl() + "/accounts/100001/visits?start_date=" + day + "&end_date=" + day
                        + "&" + URLEncoder.encode("page[size]", StandardCharsets.UTF_8) + "=100";
                while (next != null) {
                    next = readPage(http, next, counts);
                }
            }
            serveSeconds = seconds(started);
            serverCpuSeconds = cpuSecondsOfThreads("simulator-http-");
            served = counts[0];
            bytes = counts[1];
            requests = counts[2];
            peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }
        if (generated != VISITS || served != VISITS) {
            throw new IllegalStateException("expected " + VISITS + " visits, generated " + generated + ", served " + served);
        }

        String section = """
                ## Simulator: generation speed and memory

                Command: `mvn -B -q test-compile exec:exec@simulator-benchmark` (JVM heap capped at %s).
                Machine: %s, %d cores, Java %s. Run: %s.

                Dataset: 1 account, %,d visits over 2024 (%,d companies, %,d leads over the year).

                | figure | value |
                |---|---|
                | dataset set-up (day counts, companies, a year of lead aggregates) | %.2f s |
                | heap held by the dataset after set-up | %.1f MB |
                | visits generated in-process (objects, no JSON) | %,.0f visits/s |
                | visits served over HTTP (JSON, one-day windows, pages of 100, client parsing) | %,.0f visits/s |
                | simulator CPU per visit served (its HTTP threads only) | %.1f µs, i.e. %,.0f visits/s per core |
                | requests served over HTTP | %,d in %.1f s (%,.0f requests/s) |
                | JSON served | %.1f MB (%,.0f bytes per visit) |
                | peak heap of the whole JVM while serving all %,d visits | %.1f MB |
                """.formatted(
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-Xmx"))
                        .findFirst().map(a -> a.substring(4)).orElse("the default"),
                BenchmarkReport.machine(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                VISITS, spec.companiesPerAccount(), leads,
                buildSeconds, heapDataset / 1e6, generated / generateSeconds, served / serveSeconds,
                serverCpuSeconds * 1e6 / served, served / serverCpuSeconds,
                requests, serveSeconds, requests / serveSeconds, bytes / 1e6, (double) bytes / served,
                VISITS, peakHeap / 1e6);
        System.out.println(section);
        BenchmarkReport.writeSection(report, section);
    }

    /** Reads one page with a streaming parser, counting visits; returns `links.next` or null. */
    private static String readPage(HttpClient http, String url, long[] counts) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Token token=bench").build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        counts[2]++;
        String next = null;
        try (InputStream body = response.body(); JsonParser parser = new JsonFactory().createParser(body)) {
            int depth = 0;
            String field = null;
            boolean inData = false;
            for (JsonToken token; (token = parser.nextToken()) != null; ) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        if (inData && depth == 2 && token == JsonToken.START_OBJECT) {
                            counts[0]++;
                        }
                        if (depth == 1 && "data".equals(field)) {
                            inData = true;
                        }
                        depth++;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        if (depth == 1) {
                            inData = false;
                        }
                    }
                    case FIELD_NAME -> field = parser.currentName();
                    case VALUE_STRING -> {
                        if (depth == 2 && "next".equals(field)) {
                            next = parser.getText();
                        }
                    }
                    default -> {
                    }
                }
            }
            counts[1] += parser.currentLocation().getByteOffset();
        }
        return next;
    }

    /** CPU time used so far by live threads whose names start with {@code prefix}. */
    private static double cpuSecondsOfThreads(String prefix) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith(prefix)) {
                nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return nanos / 1e9;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100); // lets the collector finish before reading the figure; not synchronisation of work
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
