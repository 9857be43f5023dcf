package org.leadfeedercamel.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.simulator.data.ExpectedRows;
import org.leadfeedercamel.sql.Dialect;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.Warehouse;
import org.leadfeedercamel.sync.SyncHarness;
import org.leadfeedercamel.run.SyncRun;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The write path, rate limit off: rows per second of a whole sync (simulator → warehouse) beside the
 * same rows written by a bare JDBC batch insert and, on PostgreSQL, by COPY, in the same run.
 * Run with {@code mvn -B -q test-compile exec:exec@write-benchmark} ({@code -Dvisits=N}, default 100,000);
 * rewrites its section of BENCHMARKS.md.
 */
public final class WritePathBenchmark {

    private static final LocalDate FROM = LocalDate.parse("2025-01-01");
    private static final LocalDate TO = LocalDate.parse("2025-12-31");

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "BENCHMARKS.md");
        int visits = Integer.getInteger("visits", 100_000);
        DatasetSpec spec = DatasetSpec.defaults().withTimezones(List.of(ZoneId.of("Europe/Helsinki"))).withRange(FROM, TO)
                .withVisitsPerAccount(visits).withCompaniesPerAccount(5_000).withSpread(0.2);
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);
        StringBuilder rows = new StringBuilder();
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(spec).clock(clock).token("tok")
                .requestsPerWindow(0).start()) {
            ExpectedRows expected = new ExpectedRows(simulator.dataset());
            List<Map<String, Object>> visitRows = expected.visits("100001", FROM, TO);
            List<Map<String, Object>> routeRows = expected.visitRoutes("100001", FROM, TO);
            long total = visitRows.size() + routeRows.size();
            for (TestWarehouses.Kind kind : List.of(TestWarehouses.Kind.H2, TestWarehouses.Kind.POSTGRESQL)) {
                warmUp(simulator, clock, kind, visitRows, routeRows);
                double sync;
                try (TestWarehouses.TestWarehouse warehouse = warehouse(kind)) {
                    sync = syncSeconds(simulator, clock, warehouse);
                }
                double batch;
                try (TestWarehouses.TestWarehouse warehouse = warehouse(kind)) {
                    batch = batchSeconds(warehouse, visitRows, routeRows);
                }
                rows.append(String.format("| %s | %,.0f rows/s (%.1f s) | %,.0f rows/s (%.1f s) | %.0f%% |", kind, total / sync, sync,
                        total / batch, batch, 100 * batch / sync));
                if (kind == TestWarehouses.Kind.POSTGRESQL) {
                    try (TestWarehouses.TestWarehouse warehouse = warehouse(kind)) {
                        double copy = copySeconds(warehouse, visitRows, routeRows);
                        rows.append(String.format(" COPY: %,.0f rows/s (%.1f s); the sync at %.0f%% of it |", total / copy, copy, 100 * copy / sync));
                    }
                } else {
                    rows.append(" |");
                }
                rows.append('\n');
            }
            String section = """
                    ## Write path: a whole sync beside a bare JDBC batch

                    Command: `mvn -B -q test-compile exec:exec@write-benchmark -Dvisits=%d`. Machine: %s, %d cores, Java %s. Run: %s.

                    1 account, %,d visits with %,d route rows (%,d rows), rate limit off, page size 100. The sync's figure is
                    end to end: HTTP from the simulator (in the same JVM, on the same cores), JSON parsing, mapping, one
                    transaction per page (it also writes the leads and locations, which are not counted). The bare batch
                    inserts the same rows with JDBC batches of 100, one commit per batch, nothing else. H2 is a file
                    database, as the program's default is. Each contender first writes up to 100,000 visits unmeasured
                    (JIT warm-up: a cold JVM on 2 cores spends most of a core compiling), so the figures are a
                    long-running `run`'s steady state.

                    | warehouse | whole sync | bare JDBC batch | sync / batch | PostgreSQL COPY |
                    |---|---|---|---|---|
                    %s
                    Goal (issue 6): the sync at 50%% of the bare batch or better.
                    """.formatted(visits, BenchmarkReport.machine(), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                    visitRows.size(), routeRows.size(), total, rows);
            System.out.println(section);
            BenchmarkReport.writeSection(report, section);
        }
    }

    /**
     * Both contenders first write up to 100,000 visits (the newest) with their routes once, unmeasured,
     * into a warehouse thrown away: the JIT compiles the hot paths (a cold run spends most of a core on
     * compiling Camel's and the drivers' code) and what is measured is the steady state of a
     * long-running {@code run}.
     */
    private static void warmUp(LeadfeederSimulator simulator, Clock clock, TestWarehouses.Kind kind,
            List<Map<String, Object>> visits, List<Map<String, Object>> routes) throws Exception {
        int warmVisits = Math.min(visits.size(), 100_000);
        LocalDate from = (LocalDate) visits.get(warmVisits - 1).get("visit_date"); // visits come newest first
        try (TestWarehouses.TestWarehouse warehouse = warehouse(kind)) {
            syncSeconds(simulator, clock, warehouse, from);
        }
        try (TestWarehouses.TestWarehouse warehouse = warehouse(kind)) {
            batchSeconds(warehouse, visits.subList(0, warmVisits),
                    routes.subList(0, (int) ((long) routes.size() * warmVisits / visits.size())));
        }
    }

    /**
     * A fresh warehouse of the kind; H2 as a file database in a temporary folder, as the program's
     * default {@code jdbc:h2:file:./data/leadfeeder} is, rather than the tests' in-memory one.
     */
    private static TestWarehouses.TestWarehouse warehouse(TestWarehouses.Kind kind) throws IOException {
        if (kind != TestWarehouses.Kind.H2) {
            return TestWarehouses.fresh(kind);
        }
        Path folder = Files.createTempDirectory("leadfeeder-bench-h2");
        return new TestWarehouses.TestWarehouse(kind, "jdbc:h2:file:" + folder.resolve("leadfeeder"), null, null, () -> {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static double syncSeconds(LeadfeederSimulator simulator, Clock clock, TestWarehouses.TestWarehouse warehouse) throws Exception {
        return syncSeconds(simulator, clock, warehouse, FROM);
    }

    private static double syncSeconds(LeadfeederSimulator simulator, Clock clock, TestWarehouses.TestWarehouse warehouse,
            LocalDate from) throws Exception {
        try (SyncHarness sync = new SyncHarness(simulator, clock, Map.of(SyncSettings.START_DATE, from.toString()), warehouse)) {
            long started = System.nanoTime();
            SyncRun run = sync.once();
            if (run.status() != SyncRun.Status.SUCCEEDED) {
                throw new IllegalStateException(run.error());
            }
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private static final List<String> VISIT_COLUMNS = List.of("account_id", "visit_id", "lead_id", "location_id", "source", "medium",
            "referring_url", "landing_page_path", "keyword", "query_term", "campaign", "page_depth", "visit_length", "started_at",
            "visit_date", "visit_hour", "lf_client_id", "country_code", "device_type", "visitor_email", "visitor_first_name",
            "visitor_last_name");
    private static final List<String> ROUTE_COLUMNS = List.of("account_id", "visit_id", "page_number", "hostname", "page_path",
            "previous_page_path", "time_on_page", "page_title", "page_url", "display_page_name");

    private static DataSource migrated(TestWarehouses.TestWarehouse warehouse) {
        DataSource dataSource = new DriverManagerDataSource(warehouse.url(), warehouse.user(), warehouse.password());
        Warehouse.migrate(dataSource, Dialect.of(dataSource), "raw_leadfeeder__");
        return dataSource;
    }

    private static double batchSeconds(TestWarehouses.TestWarehouse warehouse, List<Map<String, Object>> visits,
            List<Map<String, Object>> routes) throws Exception {
        DataSource dataSource = migrated(warehouse);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            insert(connection, "raw_leadfeeder__visits", VISIT_COLUMNS, visits);
            insert(connection, "raw_leadfeeder__visit_routs", ROUTE_COLUMNS, routes);
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private static void insert(Connection connection, String table, List<String> columns, List<Map<String, Object>> rows) throws Exception {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ", _synced_at, _run_id) VALUES ("
                + "?, ".repeat(columns.size()) + "?, ?)";
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int inBatch = 0;
            for (Map<String, Object> row : rows) {
                int i = 1;
                for (String column : columns) {
                    Object value = row.get(column);
                    statement.setObject(i++, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value);
                }
                statement.setTimestamp(i++, now);
                statement.setString(i, "bench");
                statement.addBatch();
                if (++inBatch == 100) {
                    statement.executeBatch();
                    connection.commit();
                    inBatch = 0;
                }
            }
            statement.executeBatch();
            connection.commit();
        }
    }

    private static double copySeconds(TestWarehouses.TestWarehouse warehouse, List<Map<String, Object>> visits,
            List<Map<String, Object>> routes) throws Exception {
        DataSource dataSource = migrated(warehouse);
        try (Connection connection = dataSource.getConnection()) {
            long started = System.nanoTime();
            copy(connection, "raw_leadfeeder__visits", VISIT_COLUMNS, visits);
            copy(connection, "raw_leadfeeder__visit_routs", ROUTE_COLUMNS, routes);
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private static void copy(Connection connection, String table, List<String> columns, List<Map<String, Object>> rows) throws Exception {
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ", _synced_at, _run_id) FROM STDIN WITH (FORMAT csv)";
        String now = Instant.now().toString();
        // in chunks, so a million rows never sit in memory as one CSV text
        for (int start = 0; start < rows.size(); start += 10_000) {
            StringBuilder csv = new StringBuilder();
            for (Map<String, Object> row : rows.subList(start, Math.min(rows.size(), start + 10_000))) {
                for (String column : columns) {
                    Object value = row.get(column);
                    csv.append(value == null ? "" : "\"" + value.toString().replace("\"", "\"\"") + "\"").append(',');
                }
                csv.append(now).append(",bench\n");
            }
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
        }
    }
}
