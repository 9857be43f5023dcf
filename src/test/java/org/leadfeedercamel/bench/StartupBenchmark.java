package org.leadfeedercamel.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.leadfeedercamel.simulator.LeadfeederSimulator;

/**
 * Start-up: from launching {@code java -jar target/leadfeeder-camel.jar once} to the simulator receiving
 * its first request, over several launches, and the jar's size. Needs the jar ({@code mvn -B package}
 * first); run with {@code mvn -B -q test-compile exec:exec@startup-benchmark}.
 */
public final class StartupBenchmark {

    private static final int LAUNCHES = 5;

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        Path jar = Path.of("target/leadfeeder-camel.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the jar first: mvn -B package");
        }
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < LAUNCHES; i++) {
            try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("tok").requestsPerWindow(0).start()) {
                Path work = Files.createTempDirectory("startup");
                ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar", jar.toString(), "once").directory(work.toFile()).redirectErrorStream(true)
                        .redirectOutput(work.resolve("out.log").toFile());
                builder.environment().put("LEADFEEDER_API_TOKEN", "tok");
                builder.environment().put("LEADFEEDER_BASE_API_URL", simulator.baseUrl());
                builder.environment().put("LEADFEEDER_DB_URL", "jdbc:h2:mem:startup");
                long launched = System.currentTimeMillis();
                Process process = builder.start();
                if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("the sync did not succeed: " + Files.readString(work.resolve("out.log")));
                }
                millis.add(simulator.stats().arrivals().get(0) - launched);
            }
        }
        millis.sort(Long::compare);
        String section = """
                ## Start-up and jar

                Command: `mvn -B package && mvn -B -q test-compile exec:exec@startup-benchmark`. Machine: %s, %d cores, Java %s. Run: %s.

                | figure | value |
                |---|---|
                | JVM launch to the first API request (`once`, H2 in memory), median of %d | %,d ms (all: %s) |
                | `target/leadfeeder-camel.jar` | %.1f MB |
                """.formatted(BenchmarkReport.machine(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                LAUNCHES, millis.get(LAUNCHES / 2), millis, Files.size(jar) / 1e6);
        System.out.println(section);
        BenchmarkReport.writeSection(report, section);
    }
}
