package org.leadfeedercamel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadfeedercamel.simulator.FaultSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;

/**
 * {@code run} as its own process (demo mode, a schedule every 2 s): readiness with the warehouse and
 * the last sync, liveness, and the sync's Prometheus metrics on Camel's management server, on the port
 * Camel's own key sets; {@code once} opens no port; a long sync logs its progress.
 */
class OperationsProcessTest {

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void runServesHealthAndMetrics() throws Exception {
        int port = freePort();
        Process process = ConnectorProcess.start(work, Map.of("LEADFEEDER_SCHEDULE", "*/2 * * * * ?"),
                List.of("-Dcamel.management.port=" + port), "run");
        try {
            // readiness turns on once a sync has succeeded and the warehouse answers
            Awaitility.await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
                HttpResponse<String> ready = get(port, "/observe/health/ready");
                return ready.statusCode() == 200 && ready.body().replace(" ", "").contains("\"status\":\"UP\"")
                        && get(port, "/observe/metrics").body().contains("leadfeeder_run_duration_seconds_count{instance=\"default\",status=\"succeeded\"");
            });
            HttpResponse<String> health = get(port, "/observe/health?exposureLevel=full");
            assertThat(health.body()).contains("leadfeeder-warehouse").contains("leadfeeder-last-sync");
            assertThat(get(port, "/observe/health/live").statusCode()).isEqualTo(200);

            String metrics = get(port, "/observe/metrics").body();
            assertThat(metrics).containsPattern("leadfeeder_requests_total\\{instance=\"default\"} [1-9]")
                    .containsPattern("leadfeeder_rows_total\\{[^}]*table=\"visits\"[^}]*} [1-9]")
                    .containsPattern("leadfeeder_rows_total\\{[^}]*table=\"visit_routs\"[^}]*} [1-9]")
                    .contains("leadfeeder_retries_total{instance=\"default\"} 0.0").contains("leadfeeder_rate_limited_total{instance=\"default\"} 0.0")
                    .contains("leadfeeder_rejected_records_total{instance=\"default\"} 0.0")
                    .containsPattern("leadfeeder_last_success_seconds(\\{[^}]*})? 1\\.[0-9]+E9")
                    .contains("camel_exchanges_total"); // Camel's own route metrics beside ours
            assertThat(metrics).doesNotContain(LeadfeederSimulator.DEFAULT_TOKEN);
            // the demo data runs through today, read by the last run: as far behind as that run, seconds, not days
            java.util.regex.Matcher lag = java.util.regex.Pattern
                    .compile("leadfeeder_lag_seconds\\{[^}]*account=\"100001\"[^}]*stream=\"visits\"[^}]*} ([0-9.E]+)").matcher(metrics);
            assertThat(lag.find()).as(metrics).isTrue();
            assertThat(Double.parseDouble(lag.group(1))).isBetween(0.0, 60.0);
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aLongSyncLogsItsProgress() throws Exception {
        // every answer 200 ms late: the first sync takes several seconds, logged every second
        try (LeadfeederSimulator slow = LeadfeederSimulator.builder().token("progress-token").requestsPerWindow(0)
                .faults(new FaultSettings(1, 0, 1.0, 200, 0, 0, 0)).start()) {
            ConnectorProcess.Result once = ConnectorProcess.run(work, Map.of("LEADFEEDER_API_TOKEN", "progress-token",
                    "LEADFEEDER_BASE_API_URL", slow.baseUrl(), "LEADFEEDER_PROGRESS_INTERVAL_SECONDS", "1",
                    "LEADFEEDER_RATE_LIMIT_REQUESTS_PER_WINDOW", "30", "LEADFEEDER_RATE_LIMIT_WINDOW_SECONDS", "1"), "once");

            assertThat(once.exitCode()).as(once.output()).isZero();
            assertThat(once.output()).containsPattern("Progress: account 10000[12], (visits|leads) \\d{4}-\\d\\d-\\d\\d\\.\\."
                    + "\\d{4}-\\d\\d-\\d\\d: page \\d+ of \\d+, \\d+ more window\\(s\\) of this stream queued; run so far: \\d+ requests, "
                    + "\\d+ visits, \\d+ route rows, \\d+ leads(; this window's \\d+ remaining pages take about \\S+ at 29 requests per 1 s)?");
        }
    }

    @Test
    void onceOpensNoPort() throws Exception {
        int port = freePort();
        ConnectorProcess.Result once = ConnectorProcess.run(work, Map.of(), List.of("-Dcamel.management.port=" + port), "once");
        assertThat(once.exitCode()).as(once.output()).isZero();
        assertThat(once.output()).doesNotContain(":" + port);
        try (ServerSocket socket = new ServerSocket(port)) {
            assertThat(socket.getLocalPort()).isEqualTo(port); // still free while and after `once` ran
        }
    }

    /** A cron that does not fire while a test runs: only sync-on-start can start a run. */
    private static final String NEVER = "0 0 0 1 1 ? 2099";

    @Test
    void runSyncsAsItStartsWithoutWaitingForTheSchedule() throws Exception {
        int port = freePort();
        Process process = ConnectorProcess.start(work, Map.of("LEADFEEDER_SCHEDULE", NEVER),
                List.of("-Dcamel.management.port=" + port), "run");
        try {
            Awaitility.await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> get(port, "/observe/metrics").body()
                    .contains("leadfeeder_run_duration_seconds_count{instance=\"default\",status=\"succeeded\"} 1"));
            assertThat(Files.readString(work.resolve("connector-output.log"))).contains("Running the sync now as it starts");
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void camelKeysComeFromTheEnvironmentAndEverySeriesExistsBeforeTheFirstRun() throws Exception {
        ConnectorProcess.Result first = ConnectorProcess.run(work, work.resolve("once.log"), Map.of(), List.of(), "once");
        assertThat(first.exitCode()).as(first.output()).isZero();
        int port = freePort();
        // as a container sets them: Camel's own keys in the environment, no -D
        Process process = ConnectorProcess.start(work, Map.of("LEADFEEDER_SCHEDULE", NEVER, "LEADFEEDER_SYNC_ON_START", "false",
                "CAMEL_MANAGEMENT_PORT", String.valueOf(port), "CAMEL_MANAGEMENT_HOST", "127.0.0.1",
                "CAMEL_MANAGEMENT_HEALTH_PATH", "/healthz"), "run");
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> get(port, "/healthz/live").statusCode() == 200);
            assertThat(Files.readString(work.resolve("connector-output.log")))
                    .contains("Health on http://127.0.0.1:" + port + "/healthz").doesNotContain("Running the sync now");
            String metrics = get(port, "/observe/metrics").body();
            // no run in this process: the counters at 0, the lag of each account and stream from the state the `once` left
            assertThat(metrics).contains("leadfeeder_requests_total{instance=\"default\"} 0.0")
                    .containsPattern("leadfeeder_rows_total\\{[^}]*table=\"visits\"[^}]*} 0.0")
                    .contains("leadfeeder_retries_total{instance=\"default\"} 0.0")
                    .containsPattern("leadfeeder_lag_seconds\\{[^}]*account=\"100001\"[^}]*stream=\"visits\"[^}]*} [0-9]")
                    .containsPattern("leadfeeder_lag_seconds\\{[^}]*account=\"100002\"[^}]*stream=\"leads\"[^}]*} [0-9]")
                    .doesNotContain("leadfeeder_run_duration_seconds_count");
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
