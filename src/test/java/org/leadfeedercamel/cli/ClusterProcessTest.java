package org.leadfeedercamel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadfeedercamel.config.Instances;
import org.leadfeedercamel.reliability.ReliabilityReport;
import org.leadfeedercamel.simulator.FaultSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.TestWarehouses.Kind;
import org.leadfeedercamel.sync.SyncTestAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Three {@code run} processes on one warehouse with clustered scheduling. With the default instance
 * (PostgreSQL, a fire every 2 s): each fire runs on exactly one node; the node running the first sync is
 * killed mid-run, another node runs the next fires, the dead run is marked crashed, runs never overlap,
 * and the data ends complete. With twelve named instances and no default one (PostgreSQL and MariaDB):
 * each instance is a job of its own, whose every fire runs once on some node; a killed node's instances
 * go on on the others, and the node left last runs every instance's fire at once.
 */
@Tag("reliability")
class ClusterProcessTest {

    private static final String EVERY_5_SECONDS = "*/5 * * * * ?";
    private static final Duration FIRE_INTERVAL = Duration.ofSeconds(5);
    /** A short run: one account, two days, a few visits. */
    private static final DatasetSpec SMALL = DatasetSpec.defaults().withTimezones(List.of(ZoneId.of("UTC"))).withRelativeDays(2)
            .withVisitsPerAccount(20).withCompaniesPerAccount(5);

    @TempDir
    Path work;

    /** One run of one named instance, as its run log has it. */
    private record Run(String instance, String runId, String node, String status, Instant scheduledFor, Instant startedAt,
                       Instant endedAt) {

        boolean succeeded() {
            return "succeeded".equals(status);
        }
    }

    @Test
    void threeNodesRunEachFireOnceAndOutliveTheNodeThatDies() throws Exception {
        // every answer 300 ms late, so the first sync takes long enough to be killed in the middle
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(SyncTestAccess.dataset())
                .clock(SyncTestAccess.CLOCK).token("cluster-token").requestsPerWindow(0)
                .faults(new FaultSettings(1, 0, 1.0, 300, 0, 0, 0)).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(TestWarehouses.Kind.POSTGRESQL)) {
            Map<String, String> env = new HashMap<>(Map.of("LEADFEEDER_API_TOKEN", "cluster-token",
                    "LEADFEEDER_BASE_API_URL", simulator.baseUrl(), "LEADFEEDER_DB_URL", warehouse.url(),
                    "LEADFEEDER_DB_USER", warehouse.user(), "LEADFEEDER_START_DATE", SyncTestAccess.FROM.toString(),
                    "LEADFEEDER_SCHEDULE", "*/2 * * * * ?", "LEADFEEDER_CLUSTER_ENABLED", "true",
                    "LEADFEEDER_CLUSTER_CHECKIN_INTERVAL_MS", "1000", "LEADFEEDER_RATE_LIMIT_REQUESTS_PER_WINDOW", "0"));
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(warehouse.url(), warehouse.user(), warehouse.password()));
            List<String> noPort = List.of("-Dcamel.management.enabled=false");
            List<Process> nodes = new ArrayList<>();
            try {
                Process first = ConnectorProcess.start(Files.createDirectories(work.resolve("node-1")), env, noPort, "run");
                nodes.add(first);
                // the first node creates the schedule; the others join while its first sync is under way
                Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> count(jdbc, "status = 'running'") == 1);
                for (int i = 2; i <= 3; i++) {
                    nodes.add(ConnectorProcess.start(Files.createDirectories(work.resolve("node-" + i)), env, noPort, "run"));
                }
                for (int i = 2; i <= 3; i++) {
                    Path log = work.resolve("node-" + i).resolve("connector-output.log");
                    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(log)
                            && Files.readString(log).contains("Started: "));
                }
                String victim = jdbc.queryForObject("SELECT node FROM leadfeeder_sync_runs WHERE status = 'running'", String.class);
                assertThat(victim).startsWith(first.pid() + "@"); // the first node is still in its first sync
                first.destroyForcibly();
                assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

                Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> count(jdbc, "status = 'succeeded'") >= 4);
            } finally {
                for (Process node : nodes) {
                    node.destroy();
                }
                for (Process node : nodes) {
                    assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
                }
            }

            List<Map<String, Object>> runs = jdbc.queryForList(
                    "SELECT node, status, scheduled_for, started_at, ended_at FROM leadfeeder_sync_runs ORDER BY started_at");
            assertThat(runs.get(0)).containsEntry("status", "crashed");
            assertThat(runs).extracting(r -> r.get("scheduled_for")).doesNotContainNull().doesNotHaveDuplicates();
            assertThat(runs.subList(1, runs.size())).extracting(r -> r.get("node")).doesNotContain(runs.get(0).get("node"));
            Timestamp previousEnd = null;
            for (Map<String, Object> run : runs.subList(1, runs.size())) {
                if (previousEnd != null) {
                    assertThat((Timestamp) run.get("started_at")).as("runs never overlap").isAfterOrEqualTo(previousEnd);
                }
                previousEnd = (Timestamp) run.get("ended_at");
            }
            SyncTestAccess.assertWarehouseEqualsSimulator(jdbc, simulator);
            ReliabilityReport.record("Clustered scheduling", "3 `run` processes on one PostgreSQL warehouse, a fire every 2 s; "
                            + "the node in its first sync killed (SIGKILL) mid-run",
                    String.format("%d runs, each on a different fire, on %d nodes; the dead node's run marked crashed, the next "
                                    + "fires ran on the others, no two runs overlapped, tables equal the API's", runs.size(),
                            runs.stream().map(r -> r.get("node")).distinct().count()));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void threeNodesShareTwelveNamedInstancesAndOutliveTheNodeThatDies(Kind kind) throws Exception {
        // the named instances t01 … t12, each with its own token and tables
        int count = 12;
        List<String> instances = IntStream.rangeClosed(1, count).mapToObj(i -> String.format("t%02d", i)).toList();
        LeadfeederSimulator.Builder api = LeadfeederSimulator.builder().dataset(SMALL).requestsPerWindow(0)
                // every answer 300 ms late: a run takes a second or two, long enough for the runs of one fire time to meet
                .faults(new FaultSettings(1, 0, 1.0, 300, 0, 0, 0));
        instances.forEach(id -> api.token("token-" + id));
        try (LeadfeederSimulator simulator = api.start(); TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind)) {
            // no LEADFEEDER_API_TOKEN: the named instances alone, no default instance and so no shared state
            Map<String, String> env = new HashMap<>(Map.of("LEADFEEDER_BASE_API_URL", simulator.baseUrl(),
                    "LEADFEEDER_DB_URL", warehouse.url(), "LEADFEEDER_DB_USER", warehouse.user(),
                    "LEADFEEDER_START_DATE", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString(),
                    "LEADFEEDER_SCHEDULE", EVERY_5_SECONDS, "LEADFEEDER_CLUSTER_ENABLED", "true",
                    "LEADFEEDER_CLUSTER_CHECKIN_INTERVAL_MS", "1000", "LEADFEEDER_RATE_LIMIT_REQUESTS_PER_WINDOW", "0",
                    // a pool per instance: 2 connections each keep 3 nodes × 12 instances within the server's connection limit
                    "LEADFEEDER_DB_POOL_SIZE", "2"));
            instances.forEach(id -> env.put("LEADFEEDER_INSTANCES_" + id.toUpperCase(Locale.ROOT) + "_API_TOKEN", "token-" + id));
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(warehouse.url(), warehouse.user(), warehouse.password()));
            // three JVMs of 144 routes each starting on two cores: the C1 compiler alone and one GC thread leave them CPU to start in
            List<String> jvm = List.of("-Dcamel.management.enabled=false", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
            List<Process> nodes = new ArrayList<>();
            Set<String> beforeKill;
            Set<String> beforeStop;
            List<Run> alone;
            try {
                // started together on an empty warehouse: they migrate and create the instances' jobs side by side
                for (int i = 1; i <= 3; i++) {
                    nodes.add(ConnectorProcess.start(Files.createDirectories(work.resolve("node-" + i)), env, jvm, "run"));
                }
                for (int i = 1; i <= 3; i++) {
                    awaitStarted(nodes, i);
                }
                await(nodes).until(() -> {
                    List<Run> runs = runs(jdbc, instances).stream().filter(Run::succeeded).toList();
                    return nodes.stream().allMatch(node -> runs.stream().anyMatch(r -> r.node().equals(node(node))));
                });

                Process victim = nodes.get(0);
                victim.destroyForcibly();
                assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
                beforeKill = runs(jdbc, instances).stream().map(Run::runId).collect(Collectors.toSet());
                // every instance's next fires run on the two left, once Quartz takes the dead node's triggers over
                await(nodes.subList(1, 3)).until(() -> runs(jdbc, instances).stream()
                        .filter(r -> !beforeKill.contains(r.runId()) && r.succeeded())
                        .map(Run::instance).distinct().count() == count);

                // the last node, alone, runs every instance's fire of one time at once: a Quartz thread each
                nodes.get(1).destroy();
                assertThat(nodes.get(1).waitFor(30, TimeUnit.SECONDS)).isTrue();
                beforeStop = runs(jdbc, instances).stream().map(Run::runId).collect(Collectors.toSet());
                await(nodes.subList(2, 3)).until(() -> fullRound(runs(jdbc, instances), count, beforeStop) != null);
                alone = fullRound(runs(jdbc, instances), count, beforeStop);
            } catch (Throwable e) {
                printLogs(nodes.size());
                throw e;
            } finally {
                for (Process node : nodes) {
                    node.destroy();
                }
                for (Process node : nodes) {
                    assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
                }
            }

            List<Run> runs = runs(jdbc, instances);
            String dead = node(nodes.get(0));
            Set<String> lost = new TreeSet<>();
            for (String instance : instances) {
                List<Run> own = runs.stream().filter(r -> r.instance().equals(instance))
                        .sorted(Comparator.comparing(Run::scheduledFor)).toList();
                assertThat(own).extracting(Run::scheduledFor).as(instance + ": each fire ran once")
                        .doesNotContainNull().doesNotHaveDuplicates();
                for (int i = 1; i < own.size(); i++) {
                    Duration gap = Duration.between(own.get(i - 1).scheduledFor(), own.get(i).scheduledFor());
                    if (gap.equals(FIRE_INTERVAL.multipliedBy(2)) && beforeKill.contains(own.get(i - 1).runId())
                            && !beforeKill.contains(own.get(i).runId()) && lost.add(instance)) {
                        // the fire the dead node had taken but not yet logged a run for: Quartz does not run it again
                        continue;
                    }
                    assertThat(gap).as(instance + ": no fire lost after " + own.get(i - 1).scheduledFor()).isEqualTo(FIRE_INTERVAL);
                }
                for (int i = 1; i < own.size(); i++) {
                    Run previous = own.get(i - 1);
                    if (!"crashed".equals(previous.status())) {
                        assertThat(own.get(i).startedAt()).as(instance + ": runs never overlap").isAfterOrEqualTo(previous.endedAt());
                    } else {
                        // a run the kill cut short never ended: the next one began only once its node was gone
                        assertThat(previous.node()).isEqualTo(dead);
                        assertThat(beforeKill).as(instance + ": no run beside the dead node's").doesNotContain(own.get(i).runId());
                    }
                }
            }
            // a run the kill cut short is crashed; one a SIGTERM stopped at a page boundary (node 2's, node 3's at the end) stopped
            assertThat(runs).filteredOn(r -> !r.succeeded()).allSatisfy(r -> assertThat(r.status())
                    .isEqualTo(r.node().equals(dead) ? "crashed" : "stopped"));
            List<Run> threeNodes = runs.stream().filter(r -> beforeKill.contains(r.runId())).toList();
            List<Run> twoNodes = runs.stream().filter(r -> !beforeKill.contains(r.runId()) && beforeStop.contains(r.runId())).toList();
            assertThat(twoNodes).extracting(Run::node).doesNotContain(dead);
            Map<String, Long> threeSpread = perNode(threeNodes, nodes);
            assertThat(threeSpread.values()).as("all three nodes took fires").allMatch(n -> n > 0);
            Instant together = lastStart(alone);
            Duration latest = alone.stream().map(r -> Duration.between(r.scheduledFor(), r.startedAt()))
                    .max(Comparator.naturalOrder()).orElseThrow();
            assertThat(alone).as("the last node runs every instance's fire at once, none waiting for a thread").allSatisfy(run -> {
                assertThat(run.node()).isEqualTo(node(nodes.get(2)));
                assertThat(run.endedAt()).isAfter(together);
            });
            long crashed = runs.stream().filter(r -> "crashed".equals(r.status())).count();
            long stopped = runs.stream().filter(r -> "stopped".equals(r.status())).count();
            String database = kind == Kind.POSTGRESQL ? "PostgreSQL" : "MariaDB";
            ReliabilityReport.record("Clustered scheduling, " + count + " named instances (" + database + ")", "3 `run` processes "
                            + "started together on one " + database + " warehouse with " + count + " named instances and no default "
                            + "one, each instance firing every 5 s; node 1 killed (SIGKILL) once all three had run fires, then node 2 "
                            + "stopped",
                    String.format("%d runs: every fire of every instance ran on one node only, %s, no two runs of an instance "
                                    + "overlapped; before the kill the fires went %s (Quartz's way: the node that ran an instance "
                                    + "tends to take its next fire too, and a node with nothing to fire looks again only every 30 s "
                                    + "or so); after it every instance's next fires ran on the other two (%s)%s%s; node 3, left alone, "
                                    + "ran the %d fires of %s at once, the last starting %.1f s after its fire time", runs.size(),
                            lost.isEmpty() ? "none lost" : "none lost but the " + lost.size() + " the dead node had taken as it "
                                    + "died, before their runs began (Quartz does not run such a fire again)",
                            spread(threeSpread), spread(perNode(twoNodes, nodes.subList(1, 3), 2)),
                            crashed == 0 ? "" : crashed == 1 ? ", the run the kill cut short marked crashed"
                                    : ", the " + crashed + " runs the kill cut short marked crashed",
                            stopped == 0 ? "" : stopped == 1 ? ", the run a SIGTERM stopped marked stopped"
                                    : ", the " + stopped + " runs a SIGTERM stopped marked stopped",
                            count, DateTimeFormatter.ISO_LOCAL_TIME.format(alone.get(0).scheduledFor().atOffset(ZoneOffset.UTC)),
                            latest.toMillis() / 1000.0));
        }
    }

    /** Until node {@code n} (1, 2, ...) said on its console that it started, with every instance's tables made. */
    private void awaitStarted(List<Process> nodes, int n) {
        Path log = work.resolve("node-" + n).resolve("connector-output.log");
        await(nodes).until(() -> Files.readString(log).contains("Started: "));
    }

    /** Awaitility on the run log, given up at once when one of {@code nodes} exits. */
    private static ConditionFactory await(List<Process> nodes) {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .failFast("a node exited", () -> nodes.stream().anyMatch(node -> !node.isAlive()));
    }

    /** The run log's name of a process on this machine: {@code pid@host}. */
    private static String node(Process process) {
        return process.pid() + ManagementFactory.getRuntimeMXBean().getName().replaceFirst("^[^@]*", "");
    }

    /** The named instances' run logs, read together. */
    private static List<Run> runs(JdbcTemplate jdbc, List<String> instances) {
        String union = instances.stream().map(id -> "SELECT '" + id + "' AS instance, run_id, node, status, scheduled_for, started_at, "
                + "ended_at FROM " + Instances.defaultTablePrefix(id) + "sync_runs").collect(Collectors.joining(" UNION ALL "));
        return jdbc.query(union, (row, i) -> new Run(row.getString("instance"), row.getString("run_id"), row.getString("node"),
                row.getString("status"), instant(row.getTimestamp("scheduled_for")), instant(row.getTimestamp("started_at")),
                instant(row.getTimestamp("ended_at"))));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /**
     * The runs of the first fire time that every one of {@code count} instances ran since {@code earlier}, all under way at
     * one moment (each began before any ended); or null.
     */
    private static List<Run> fullRound(List<Run> runs, int count, Set<String> earlier) {
        Map<Instant, List<Run>> rounds = runs.stream().filter(r -> r.scheduledFor() != null)
                .collect(Collectors.groupingBy(Run::scheduledFor, TreeMap::new, Collectors.toList()));
        return rounds.values().stream().filter(round -> round.size() == count
                        && round.stream().allMatch(r -> r.succeeded() && !earlier.contains(r.runId()))
                        && lastStart(round).isBefore(round.stream().map(Run::endedAt).min(Comparator.naturalOrder()).orElseThrow()))
                .findFirst().orElse(null);
    }

    private static Instant lastStart(List<Run> round) {
        return round.stream().map(Run::startedAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** Runs per node, named by the order the nodes started in ({@code node 1}, ...). */
    private static Map<String, Long> perNode(List<Run> runs, List<Process> nodes) {
        return perNode(runs, nodes, 1);
    }

    private static Map<String, Long> perNode(List<Run> runs, List<Process> nodes, int firstNumber) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String node = node(nodes.get(i));
            counts.put("node " + (i + firstNumber), runs.stream().filter(r -> r.node().equals(node)).count());
        }
        return counts;
    }

    private static String spread(Map<String, Long> perNode) {
        return perNode.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
    }

    private void printLogs(int nodes) throws IOException {
        for (int i = 1; i <= nodes; i++) {
            for (Path log : List.of(work.resolve("node-" + i).resolve("connector-output.log"),
                    work.resolve("node-" + i).resolve("data").resolve("leadfeeder.log"))) {
                if (Files.exists(log)) {
                    List<String> lines = Files.readAllLines(log);
                    System.out.println("---- node-" + i + " " + log.getFileName() + " (last 80 lines)");
                    lines.subList(Math.max(0, lines.size() - 80), lines.size()).forEach(System.out::println);
                }
            }
        }
    }

    private static int count(JdbcTemplate jdbc, String where) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM leadfeeder_sync_runs WHERE " + where, Integer.class);
    }
}
