package org.leadfeedercamel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadfeedercamel.reliability.ReliabilityReport;
import org.leadfeedercamel.simulator.FaultSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sync.SyncTestAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Three {@code run} processes on one PostgreSQL warehouse with clustered scheduling (a fire every 2 s):
 * each fire runs on exactly one node; the node running the first sync is killed mid-run, another node
 * runs the next fires, the dead run is marked crashed, runs never overlap, and the data ends complete.
 */
@Tag("reliability")
class ClusterProcessTest {

    @TempDir
    Path work;

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
                            && Files.readString(log).contains("Routes startup"));
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

    private static int count(JdbcTemplate jdbc, String where) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM leadfeeder_sync_runs WHERE " + where, Integer.class);
    }
}
