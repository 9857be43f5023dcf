package org.leadfeedercamel.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.sql.TestWarehouses;

/**
 * Heap of the connector while it syncs 100,000 and then 1,000,000 visits into PostgreSQL: the jar runs
 * as its own process with {@code -Xmx256m} and a GC log, so the figures are the connector's alone.
 * Needs the jar ({@code mvn -B package}); run with {@code mvn -B -q test-compile exec:exec@memory-benchmark}.
 */
public final class MemoryBenchmark {

    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final LocalDate FROM = LocalDate.parse("2025-01-01");
    private static final LocalDate TO = LocalDate.parse("2025-12-31");

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        Path jar = Path.of("target/leadfeeder-camel.jar").toAbsolutePath();
        StringBuilder rows = new StringBuilder();
        long[] liveAfterGc = new long[2];
        int[] sizes = {100_000, 1_000_000};
        for (int i = 0; i < sizes.length; i++) {
            DatasetSpec spec = DatasetSpec.defaults().withTimezones(List.of(ZoneId.of("Europe/Helsinki"))).withRange(FROM, TO)
                    .withVisitsPerAccount(sizes[i]).withCompaniesPerAccount(10_000).withSpread(0.2);
            Clock clock = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
            try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(spec).clock(clock).token("tok")
                    .requestsPerWindow(0).start();
                 TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(TestWarehouses.Kind.POSTGRESQL)) {
                Path work = Files.createTempDirectory("memory");
                Path gcLog = work.resolve("gc.log");
                ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-Xlog:gc:file=" + gcLog, "-jar", jar.toString(), "once")
                        .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("out.log").toFile());
                builder.environment().put("LEADFEEDER_API_TOKEN", "tok");
                builder.environment().put("LEADFEEDER_BASE_API_URL", simulator.baseUrl());
                builder.environment().put("LEADFEEDER_DB_URL", warehouse.url());
                builder.environment().put("LEADFEEDER_DB_USER", warehouse.user());
                builder.environment().put("LEADFEEDER_START_DATE", FROM.toString());
                builder.environment().put("LEADFEEDER_RATE_LIMIT_REQUESTS_PER_WINDOW", "0");
                long started = System.nanoTime();
                Process process = builder.start();
                if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new IllegalStateException("the sync failed: " + Files.readString(work.resolve("out.log")));
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                long maxBefore = 0;
                long maxAfter = 0;
                Matcher m = GC.matcher(Files.readString(gcLog));
                while (m.find()) {
                    maxBefore = Math.max(maxBefore, Long.parseLong(m.group(1)));
                    maxAfter = Math.max(maxAfter, Long.parseLong(m.group(2)));
                }
                liveAfterGc[i] = maxAfter;
                rows.append(String.format("| %,d visits | %.0f s | %d MB | %d MB |%n", sizes[i], seconds, maxBefore, maxAfter));
            }
        }
        String section = """
                ## Memory: 100,000 against 1,000,000 visits

                Command: `mvn -B package && mvn -B -q test-compile exec:exec@memory-benchmark`. Machine: %s, %d cores, Java %s. Run: %s.

                The jar syncs into PostgreSQL as its own process with `-Xmx256m`; figures from its GC log.

                | dataset | sync time | heap before a GC, at most | heap after a GC (live), at most |
                |---|---|---|---|
                %s
                Live heap grew by %.0f%% from 100,000 to 1,000,000 visits (goal: under 20%%).
                """.formatted(BenchmarkReport.machine(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), rows,
                100.0 * (liveAfterGc[1] - liveAfterGc[0]) / liveAfterGc[0]);
        System.out.println(section);
        BenchmarkReport.writeSection(report, section);
    }
}
