package org.leadfeedercamel.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.mapping.PageRows;
import org.leadfeedercamel.mapping.RecordMapper;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.sql.Warehouse;
import org.leadfeedercamel.sync.LeadfeederSync;
import org.leadfeedercamel.mapping.PageMapping;
import org.leadfeedercamel.mapping.RouteEntry;
import org.leadfeedercamel.run.SyncWindow;
import org.leadfeedercamel.run.SyncRun;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH: one page of 100 visits, as the simulator serves it, parsed; parsed and mapped into rows by
 * calling the mapper directly; and parsed and mapped through the sync's own page route (Camel's split
 * of the records and of each visit's route). The three side by side show what the JSON, the mapping
 * and the split EIP each cost. Run with {@code mvn -B -q test-compile exec:exec@mapping-benchmark};
 * rewrites its section of BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MappingBenchmark {

    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() { };
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);

    private final ObjectMapper json = new ObjectMapper();
    private final RecordMapper mapper = new RecordMapper(json);
    private byte[] page;
    private int routeEntries;
    private CamelContext context;
    private ProducerTemplate producer;
    private HikariDataSource warehouse;

    @Setup
    public void setUp() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder()
                .dataset(DatasetSpec.defaults().withTimezones(List.of(ZoneId.of("Europe/Helsinki")))
                        .withRange(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31")).withVisitsPerAccount(50_000))
                .clock(CLOCK).token("tok").requestsPerWindow(0).start()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                    + "/accounts/100001/visits?start_date=2025-01-01&end_date=2025-12-31&page%5Bsize%5D=100"))
                    .header("Authorization", "Token token=tok").build();
            page = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
        }
        for (Object visit : (List<?>) json.readValue(page, DOCUMENT).get("data")) {
            routeEntries += ((List<?>) ((Map<?, ?>) ((Map<?, ?>) visit).get("attributes")).get("visit_route")).size();
        }
        Map<String, String> values = Map.of(SyncSettings.API_TOKEN, "tok", SyncSettings.DB_URL,
                "jdbc:h2:mem:mapping-benchmark;DB_CLOSE_DELAY=-1", SyncSettings.SCHEDULER_ENABLED, "false");
        SyncSettings settings = SyncSettings.read(key -> java.util.Optional.ofNullable(values.get(key)));
        warehouse = Warehouse.open(settings.warehouse());
        context = new DefaultCamelContext();
        LeadfeederSync.add(context, org.leadfeedercamel.config.Instance.ofDefault(settings), warehouse, CLOCK);
        context.start();
        producer = context.createProducerTemplate();
    }

    @TearDown
    public void tearDown() throws Exception {
        context.stop();
        warehouse.close();
    }

    private static final SyncWindow WINDOW = new SyncWindow("100001", "visits", java.time.LocalDate.parse("2025-04-22"),
            java.time.LocalDate.parse("2025-04-22"));

    @Benchmark
    public Map<String, Object> parse() throws Exception {
        return json.readValue(page, DOCUMENT);
    }

    @Benchmark
    public PageRows parseAndMap() throws Exception {
        Map<String, Object> document = json.readValue(page, DOCUMENT);
        PageMapping visits = mapper.visits();
        PageRows rows = new PageRows(SyncRun.incremental(CLOCK), WINDOW, visits);
        for (Object record : (List<?>) document.get("data")) {
            for (RouteEntry entry : visits.record().apply(rows, record)) {
                visits.entry().accept(rows, entry);
            }
        }
        visits.included().accept(rows, document);
        return rows;
    }

    @Benchmark
    public PageRows parseAndMapThroughTheRoute() throws Exception {
        PageRows rows = new PageRows(SyncRun.incremental(CLOCK), WINDOW, mapper.visits());
        Exchange exchange = new DefaultExchange(context);
        exchange.setVariable("page", rows);
        exchange.getMessage().setBody(json.readValue(page, DOCUMENT));
        exchange = producer.send("direct:leadfeeder-page-map", exchange);
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        return rows;
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(MappingBenchmark.class.getName()).build()).run();
        Map<String, double[]> pagesPerSecond = new TreeMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            pagesPerSecond.put(name.substring(name.lastIndexOf('.') + 1),
                    new double[] {result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError()});
        }
        MappingBenchmark probe = new MappingBenchmark();
        probe.setUp();
        probe.tearDown();
        double parse = pagesPerSecond.get("parse")[0];
        StringBuilder rows = new StringBuilder();
        for (String[] benchmark : List.of(new String[] {"parse", "JSON → document (Jackson, maps)"},
                new String[] {"parseAndMap", "JSON → document → rows, mapper called directly"},
                new String[] {"parseAndMapThroughTheRoute", "JSON → document → rows through `leadfeeder-page-map` (split EIPs)"})) {
            double[] score = pagesPerSecond.get(benchmark[0]);
            rows.append(String.format("| %s | %,.0f ± %,.0f | %,.0f | %.2f |%n", benchmark[1], score[0], score[1],
                    score[0] * 100, score[0] / parse));
        }
        String section = """
                ## Mapping: one page of visits (JMH)

                Command: `mvn -B -q test-compile exec:exec@mapping-benchmark`. Machine: %s, %d cores, Java %s. Run: %s.

                One page of 100 visits with %d route entries as the simulator serves it (%,d bytes); JMH throughput, 1 fork,
                3 × 2 s warm-up, 5 × 2 s measured, ± the 99.9%% confidence interval.

                | what | pages/s | visits/s | vs parsing alone |
                |---|---|---|---|
                %s""".formatted(BenchmarkReport.machine(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                probe.routeEntries, probe.page.length, rows);
        System.out.println(section);
        BenchmarkReport.writeSection(report, section);
    }
}
