package org.leadfeedercamel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.leadfeedercamel.simulator.LeadfeederSimulator;

/**
 * Start-up, side by side in one run: JVM launch to the first API request of
 * {@code java -jar target/leadfeeder-camel.jar once} (with and without the jar's AppCDS archive), against
 * JVM launch to the first exchange of a minimal Camel Main application with one YAML route (a timer that
 * fires at once), which the benchmark builds with Maven from the same Camel version. Launches alternate,
 * medians are compared; the connector's own phases are read from its log file. Needs the jar and its
 * archive ({@code mvn -B package} first); run with {@code mvn -B -q test-compile exec:exec@startup-benchmark}.
 */
public final class StartupBenchmark {

    private static final int LAUNCHES = 7;
    private static final String MARKER = "minimal route started";
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    /** Milestones of the connector's start, as its log file has them, in order. */
    private static final Map<String, String> PHASES = new LinkedHashMap<>();

    static {
        PHASES.put("Camel Main starts (the JVM, the command line and the configuration done)", "Apache Camel (Main) 4");
        PHASES.put("warehouse pool open (H2 file; in a thread of its own, beside Camel's start)", "leadfeeder-warehouse - Start completed");
        PHASES.put("Camel context starting (the routes made from their templates)", "(leadfeeder-camel) is starting");
        PHASES.put("Camel context started", "(leadfeeder-camel) started in");
    }

    record Launch(long firstMillis, Map<String, Long> phases) {
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        String camelVersion = args.length > 1 ? args[1] : "4.18.0";
        Path jar = Path.of("target/leadfeeder-camel.jar").toAbsolutePath();
        Path archive = Path.of("target/leadfeeder-camel.jsa").toAbsolutePath();
        if (!Files.exists(jar) || !Files.exists(archive)) {
            throw new IllegalStateException("build the jar and its AppCDS archive first: mvn -B package");
        }
        Path minimal = MinimalCamelMain.build(Files.createTempDirectory("minimal-camel"), camelVersion);
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("tok").requestsPerWindow(0).start()) {
            Path warehouse = Files.createTempDirectory("startup-warehouse").resolve("leadfeeder");
            once(jar, List.of(), simulator, warehouse); // the warehouse migrated once: the steady state of an hourly once
            Map<String, List<Launch>> runs = new LinkedHashMap<>();
            for (int i = 0; i < LAUNCHES; i++) {
                runs.computeIfAbsent("minimal", k -> new ArrayList<>()).add(MinimalCamelMain.launch(minimal, false));
                runs.computeIfAbsent("minimal-cds", k -> new ArrayList<>()).add(MinimalCamelMain.launch(minimal, true));
                runs.computeIfAbsent("plain", k -> new ArrayList<>()).add(once(jar, List.of(), simulator, warehouse));
                runs.computeIfAbsent("cds", k -> new ArrayList<>())
                        .add(once(jar, List.of("-XX:SharedArchiveFile=" + archive), simulator, warehouse));
            }
            long base = median(runs.get("minimal"));
            long baseCds = median(runs.get("minimal-cds"));
            long plain = median(runs.get("plain"));
            long cds = median(runs.get("cds"));
            StringBuilder phases = new StringBuilder();
            for (String phase : PHASES.keySet()) {
                phases.append(String.format("| %s | %,d ms | %,d ms |%n", phase, medianPhase(runs.get("plain"), phase),
                        medianPhase(runs.get("cds"), phase)));
            }
            phases.append(String.format("| first API request (the warehouse ready, the run begun) | %,d ms | %,d ms |%n", plain, cds));
            String section = """
                    ## Start-up and jar

                    Command: `mvn -B package && mvn -B -q test-compile exec:exec@startup-benchmark`. Machine: %s, %d cores, Java %s. Run: %s.

                    %d launches of each, alternating; medians. The connector: `once` against the simulator into an H2 file
                    warehouse that an earlier launch migrated (an hourly run's start). The baseline: a minimal Camel Main %s
                    application the benchmark builds (camel-main, camel-yaml-dsl, camel-timer, Log4j), one YAML route whose
                    timer fires at once; the time to its first exchange. AppCDS: an archive of each made by one training run
                    (`mvn package` makes `target/leadfeeder-camel.jsa`).

                    | launch to | median | all | vs minimal Camel Main |
                    |---|---|---|---|
                    | minimal Camel Main: first exchange | %,d ms | %s | 1.00× |
                    | minimal Camel Main with AppCDS | %,d ms | %s | %.2f× |
                    | `java -jar target/leadfeeder-camel.jar once`: first API request | %,d ms | %s | **%.2f×** |
                    | the same with `-XX:SharedArchiveFile=target/leadfeeder-camel.jsa` | %,d ms | %s | **%.2f×** (%.2f× the minimal app with AppCDS) |

                    Where the connector's start goes: its log file's milestones, medians of the time from launch.

                    | milestone | without AppCDS | with AppCDS |
                    |---|---|---|
                    %s

                    `target/leadfeeder-camel.jar`: %.1f MB; `target/leadfeeder-camel.jsa`: %.1f MB.
                    """.formatted(BenchmarkReport.machine(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    LAUNCHES, camelVersion,
                    base, firsts(runs.get("minimal")), baseCds, firsts(runs.get("minimal-cds")), baseCds / (double) base,
                    plain, firsts(runs.get("plain")), plain / (double) base,
                    cds, firsts(runs.get("cds")), cds / (double) base, cds / (double) baseCds,
                    phases.toString().strip(), Files.size(jar) / 1e6, Files.size(archive) / 1e6);
            System.out.println(section);
            BenchmarkReport.writeSection(report, section);
        }
    }

    /** One {@code once}: launch to the simulator's first request, and the milestones of its log file. */
    private static Launch once(Path jar, List<String> jvmOptions, LeadfeederSimulator simulator, Path warehouse) throws Exception {
        Path work = Files.createTempDirectory("startup");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "once"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("out.log").toFile());
        builder.environment().put("LEADFEEDER_API_TOKEN", "tok");
        builder.environment().put("LEADFEEDER_BASE_API_URL", simulator.baseUrl());
        builder.environment().put("LEADFEEDER_DB_URL", "jdbc:h2:file:" + warehouse);
        int before = simulator.stats().arrivals().size();
        long launched = System.currentTimeMillis();
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("the sync did not succeed: " + Files.readString(work.resolve("out.log")));
        }
        long first = simulator.stats().arrivals().get(before) - launched;
        Map<String, Long> phases = new LinkedHashMap<>();
        List<String> log = Files.readAllLines(work.resolve("data/leadfeeder.log"));
        PHASES.forEach((phase, marker) -> log.stream().filter(line -> line.contains(marker)).findFirst()
                .ifPresent(line -> phases.put(phase, at(line) - launched)));
        return new Launch(first, phases);
    }

    private static long at(String logLine) {
        return LocalDateTime.parse(logLine.substring(0, 23), LOG_TIME).atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    private static long median(List<Launch> launches) {
        return launches.stream().mapToLong(Launch::firstMillis).sorted().toArray()[launches.size() / 2];
    }

    private static long medianPhase(List<Launch> launches, String phase) {
        return launches.stream().mapToLong(launch -> launch.phases().getOrDefault(phase, 0L)).sorted().toArray()[launches.size() / 2];
    }

    private static String firsts(List<Launch> launches) {
        return launches.stream().map(launch -> String.valueOf(launch.firstMillis())).toList().toString();
    }

    /** The baseline: the smallest Camel Main application with one YAML route, built here with Maven. */
    static final class MinimalCamelMain {

        private MinimalCamelMain() {
        }

        static Path build(Path dir, String camelVersion) throws IOException, InterruptedException {
            Files.writeString(dir.resolve("pom.xml"), """
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                      <groupId>bench</groupId>
                      <artifactId>minimal-camel-main</artifactId>
                      <version>1</version>
                      <dependencyManagement>
                        <dependencies>
                          <dependency>
                            <groupId>org.apache.camel</groupId>
                            <artifactId>camel-bom</artifactId>
                            <version>%s</version>
                            <type>pom</type>
                            <scope>import</scope>
                          </dependency>
                        </dependencies>
                      </dependencyManagement>
                      <dependencies>
                        <dependency><groupId>org.apache.camel</groupId><artifactId>camel-main</artifactId></dependency>
                        <dependency><groupId>org.apache.camel</groupId><artifactId>camel-yaml-dsl</artifactId></dependency>
                        <dependency><groupId>org.apache.camel</groupId><artifactId>camel-timer</artifactId></dependency>
                        <dependency>
                          <groupId>org.apache.logging.log4j</groupId>
                          <artifactId>log4j-slf4j2-impl</artifactId>
                          <version>2.26.1</version>
                        </dependency>
                      </dependencies>
                    </project>
                    """.formatted(camelVersion));
            Files.writeString(dir.resolve("route.camel.yaml"), """
                    - route:
                        id: minimal
                        from:
                          uri: timer:minimal
                          parameters:
                            repeatCount: 1
                            delay: 0
                          steps:
                            - log:
                                message: "%s"
                    """.formatted(MARKER));
            Files.writeString(dir.resolve("application.properties"), """
                    camel.main.name = minimal
                    camel.main.routesIncludePattern = file:route.camel.yaml
                    camel.main.durationMaxMessages = 1
                    """);
            Files.writeString(dir.resolve("log4j2.properties"), """
                    appender.console.type = Console
                    appender.console.name = console
                    appender.console.layout.type = PatternLayout
                    appender.console.layout.pattern = %d %-5level %c{1} - %msg%n
                    rootLogger.level = info
                    rootLogger.appenderRef.console.ref = console
                    """);
            Process maven = new ProcessBuilder("mvn", "-B", "-q",
                    // a version named: the default one Maven picks may not resolve on a new machine
                    "org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath", "-Dmdep.outputFile=classpath.txt")
                    .directory(dir.toFile()).inheritIO().start();
            if (maven.waitFor() != 0) {
                throw new IllegalStateException("cannot build the minimal Camel Main application in " + dir);
            }
            // its properties in a jar of its own: AppCDS takes jars only on the class path, no folders
            Path app = dir.resolve("minimal.jar");
            try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(app))) {
                for (String resource : List.of("application.properties", "log4j2.properties")) {
                    jar.putNextEntry(new JarEntry(resource));
                    jar.write(Files.readAllBytes(dir.resolve(resource)));
                    jar.closeEntry();
                }
            }
            Files.writeString(dir.resolve("classpath.txt"), app + ":" + Files.readString(dir.resolve("classpath.txt")).strip());
            launch(dir, List.of("-XX:ArchiveClassesAtExit=" + dir.resolve("minimal.jsa"), "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            return dir;
        }

        static Launch launch(Path dir, boolean cds) throws IOException, InterruptedException {
            return launch(dir, cds ? List.of("-XX:SharedArchiveFile=" + dir.resolve("minimal.jsa")) : List.of());
        }

        /** Launch to the route's first exchange: the moment its log line is out, read as the JVM writes it. */
        private static Launch launch(Path dir, List<String> jvmOptions) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", Files.readString(dir.resolve("classpath.txt")), "org.apache.camel.main.Main"));
            Path out = dir.resolve("out.log");
            Files.deleteIfExists(out);
            long launched = System.currentTimeMillis();
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            long first = -1;
            while (first < 0) {
                if (Files.exists(out) && Files.readString(out).contains(MARKER)) {
                    first = System.currentTimeMillis() - launched;
                } else if (!process.isAlive()) {
                    throw new IllegalStateException("the minimal Camel Main application ended without its route: " + Files.readString(out));
                } else {
                    Thread.sleep(2); // polling the output for the moment the line appears; a benchmark's clock, not a test's wait
                }
            }
            // durationMaxMessages=1: it stops by itself after its exchange (and a training run writes its archive then)
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return new Launch(first, Map.of());
        }
    }
}
