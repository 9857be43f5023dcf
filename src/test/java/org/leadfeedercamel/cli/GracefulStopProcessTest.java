package org.leadfeedercamel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadfeedercamel.simulator.FaultSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.sync.SyncTestAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * SIGTERM and SIGINT, sent to the process as a platform sends them: the run stops at its next page or in
 * its wait, is recorded as stopped with where it stopped, the process exits within 10 s with 143 or 130,
 * and the next run resumes to the exact tables.
 */
class GracefulStopProcessTest {

    /** What a platform grants between SIGTERM and SIGKILL, at the least. */
    private static final int EXIT_WITHIN_SECONDS = 10;

    @TempDir
    Path work;

    @Test
    void sigtermStopsOnceAtAPageAndTheNextRunResumesExactly() throws Exception {
        // every answer a little late and small windows, so the run spans many pages to stop in
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(SyncTestAccess.dataset().withVisitsPerAccount(1_500))
                .clock(SyncTestAccess.CLOCK).token("stop-token").requestsPerWindow(0).resultCap(300)
                .faults(new FaultSettings(1, 0, 1.0, 20, 0, 0, 0)).start()) {
            Map<String, String> env = environment(simulator);
            env.put("LEADFEEDER_RATE_LIMIT_REQUESTS_PER_WINDOW", "0");
            JdbcTemplate warehouse = warehouse();
            Process once = ConnectorProcess.start(work, env, "once");
            Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> warehouse.queryForObject("SELECT COUNT(*) FROM leadfeeder_completed_windows", Integer.class) >= 2);

            once.destroy(); // SIGTERM

            assertThat(once.waitFor(EXIT_WITHIN_SECONDS, TimeUnit.SECONDS)).as(output()).isTrue();
            assertThat(once.exitValue()).as(output()).isEqualTo(143);
            assertThat(output()).contains("SIGTERM received").contains(" stopped in ");
            assertThat(warehouse.queryForList("SELECT status FROM leadfeeder_sync_runs", String.class)).containsExactly("stopped");
            assertThat(warehouse.queryForObject("SELECT error FROM leadfeeder_sync_runs", String.class))
                    .matches("stopped: SIGTERM received \\(at account \\d+, \\w+ window .*\\)");

            ConnectorProcess.Result next = ConnectorProcess.run(work, work.resolve("next.log"), env, List.of(), "once");
            assertThat(next.exitCode()).as(next.output()).isZero();
            assertThat(warehouse.queryForList("SELECT status FROM leadfeeder_sync_runs ORDER BY started_at", String.class))
                    .containsExactly("stopped", "succeeded");
            SyncTestAccess.assertWarehouseEqualsSimulator(warehouse, simulator);
        }
    }

    @Test
    void sigintEndsTheRateLimitWaitAndExitsWith130() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(SyncTestAccess.dataset())
                .clock(SyncTestAccess.CLOCK).token("stop-token").start()) {
            Map<String, String> env = environment(simulator);
            env.put("LEADFEEDER_RATE_LIMIT_REQUESTS_PER_WINDOW", "4"); // three requests a minute: the fourth waits up to a minute
            Process once = ConnectorProcess.start(work, env, "once");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> simulator.stats().requests() >= 3 || !once.isAlive());
            assertThat(once.isAlive()).as(output()).isTrue();

            new ProcessBuilder("kill", "-INT", String.valueOf(once.pid())).start().waitFor();

            assertThat(once.waitFor(EXIT_WITHIN_SECONDS, TimeUnit.SECONDS)).as(output()).isTrue();
            assertThat(once.exitValue()).as(output()).isEqualTo(130);
            assertThat(warehouse().queryForList("SELECT status FROM leadfeeder_sync_runs", String.class)).containsExactly("stopped");
            assertThat(simulator.stats().requests()).isEqualTo(3);
        }
    }

    @Test
    void sigtermStopsRunWithItsScheduledRunRecordedStopped() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(SyncTestAccess.dataset().withVisitsPerAccount(1_500))
                .clock(SyncTestAccess.CLOCK).token("stop-token").requestsPerWindow(0).resultCap(300)
                .faults(new FaultSettings(1, 0, 1.0, 20, 0, 0, 0)).start()) {
            Map<String, String> env = environment(simulator);
            env.put("LEADFEEDER_RATE_LIMIT_REQUESTS_PER_WINDOW", "0");
            env.put("LEADFEEDER_SCHEDULE", "* * * * * ?");
            JdbcTemplate warehouse = warehouse();
            Process run = ConnectorProcess.start(work, env, List.of("-Dcamel.management.port=0"), "run");
            Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> warehouse.queryForObject("SELECT COUNT(*) FROM leadfeeder_completed_windows", Integer.class) >= 2);

            run.destroy();

            assertThat(run.waitFor(EXIT_WITHIN_SECONDS, TimeUnit.SECONDS)).as(output()).isTrue();
            assertThat(run.exitValue()).as(output()).isEqualTo(143);
            assertThat(warehouse.queryForList("SELECT status FROM leadfeeder_sync_runs", String.class)).containsExactly("stopped");
        }
    }

    private Map<String, String> environment(LeadfeederSimulator simulator) {
        return new HashMap<>(Map.of("LEADFEEDER_API_TOKEN", "stop-token", "LEADFEEDER_BASE_API_URL", simulator.baseUrl(),
                "LEADFEEDER_API", "classic", "LEADFEEDER_START_DATE", SyncTestAccess.FROM.toString(),
                "LEADFEEDER_RESULT_CAP", "300", "LEADFEEDER_PAGE_SIZE", "50"));
    }

    /** The default H2 warehouse in ./data, read beside the process that holds it. */
    private JdbcTemplate warehouse() {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:file:" + work.resolve("data/leadfeeder") + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE"));
    }

    private String output() throws Exception {
        return Files.readString(work.resolve("connector-output.log"));
    }
}
