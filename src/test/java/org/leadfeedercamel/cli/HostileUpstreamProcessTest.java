package org.leadfeedercamel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadfeedercamel.reliability.ReliabilityReport;
import org.leadfeedercamel.simulator.Fault;
import org.leadfeedercamel.simulator.FaultSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.sync.SyncTestAccess;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A broken or hostile API against the connector as users run it, its own JVM on an H2 file: a links.next
 * that points at the page itself, and a 400 MB chunked body under -Xmx256m. Either ends the run promptly,
 * failed, with one line saying why; the run log does not stay 'running', and the warehouse lock is free
 * for the next run, in a new process and in the same one ({@code run}'s next scheduled fire).
 */
@Tag("reliability")
class HostileUpstreamProcessTest {

    private static final long MB = 1024 * 1024;

    @TempDir
    Path work;

    private static LeadfeederSimulator.Builder simulator() {
        return LeadfeederSimulator.builder().dataset(SyncTestAccess.dataset().withVisitsPerAccount(300)).clock(SyncTestAccess.CLOCK)
                .token("hostile-token").requestsPerWindow(0);
    }

    private Map<String, String> environment(LeadfeederSimulator simulator) {
        return Map.of("LEADFEEDER_API_TOKEN", "hostile-token", "LEADFEEDER_BASE_API_URL", simulator.baseUrl(),
                "LEADFEEDER_API", "classic", "LEADFEEDER_DB_URL", "jdbc:h2:file:" + work.resolve("warehouse"),
                "LEADFEEDER_START_DATE", SyncTestAccess.FROM.toString(), "LEADFEEDER_RATE_LIMIT_REQUESTS_PER_WINDOW", "0",
                "LEADFEEDER_SCHEDULE", "*/2 * * * * ?");
    }

    /** The run log, read beside a running connector (H2's automatic mixed mode, as the connector opens the file). */
    private JdbcTemplate runLog() {
        return new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:file:" + work.resolve("warehouse") + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE"));
    }

    private List<Map<String, Object>> runs() {
        return runLog().queryForList("SELECT status, error FROM leadfeeder_sync_runs ORDER BY started_at");
    }

    /** Runs a command in its own folder of {@link #work}, which must end within {@code limit}; what it printed. */
    private ConnectorProcess.Result run(String name, Map<String, String> environment, List<String> jvmOptions, Duration limit,
            String... args) throws Exception {
        Path dir = Files.createDirectories(work.resolve(name));
        Process process = ConnectorProcess.start(dir, environment, jvmOptions, args);
        try {
            assertThat(process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)).as("%s ended within %s", name, limit).isTrue();
            return new ConnectorProcess.Result(process.exitValue(), Files.readString(dir.resolve("connector-output.log"), StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aSelfLinkingNextFailsTheRunPromptlyAndTheNextRunsTakeTheLock() throws Exception {
        try (LeadfeederSimulator simulator = simulator().start()) {
            simulator.faults().injectAlways(Fault.NEXT_SELF);
            long started = System.nanoTime();

            ConnectorProcess.Result once = run("once", environment(simulator), List.of(), Duration.ofSeconds(60), "once");

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(once.exitCode()).as(once.output()).isEqualTo(1);
            assertThat(once.output()).containsPattern("Account 100001 failed; the other accounts go on: Broken paging from Leadfeeder: "
                            + "links\\.next repeats page 1 \\(" + simulator.baseUrl().replace(".", "\\.")
                            + "/accounts/100001/(visits|leads)\\?\\S+\\); this window's pages would never end "
                            + "\\(at account 100001, (visits|leads) window \\d{4}-\\d\\d-\\d\\d\\.\\.\\d{4}-\\d\\d-\\d\\d, page 1\\)")
                    .contains("Account 100002 failed; the other accounts go on: Broken paging from Leadfeeder: links.next repeats page 1")
                    .doesNotContain("\tat ").doesNotContain("hostile-token");
            assertThat(simulator.stats().withStatus(200)).as("the accounts, then one page of each account").isEqualTo(3);
            List<Map<String, Object>> afterOnce = runs();
            assertThat(afterOnce).hasSize(1);
            assertThat(afterOnce.get(0).get("status")).isEqualTo("failed");
            assertThat((String) afterOnce.get(0).get("error")).contains("Broken paging from Leadfeeder: links.next repeats page 1 (")
                    .contains("(at account 100001, ").contains("(at account 100002, ");

            // `run`: its first fire meets the same server and fails; once the server is honest, its next fire syncs
            Path runDir = Files.createDirectories(work.resolve("run"));
            Process scheduled = ConnectorProcess.start(runDir, environment(simulator), List.of("-Dcamel.management.port=0"), "run");
            try {
                Awaitility.await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                        .failFast("run ended: " + runDir, () -> !scheduled.isAlive())
                        .until(() -> runs().size() >= 2 && "failed".equals(runs().get(1).get("status")));
                simulator.faults().injectAlways(null);
                Awaitility.await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                        .failFast("run ended: " + runDir, () -> !scheduled.isAlive())
                        .until(() -> runs().stream().anyMatch(row -> "succeeded".equals(row.get("status"))));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("runs " + runs() + "; run printed:\n"
                        + Files.readString(runDir.resolve("connector-output.log"), StandardCharsets.UTF_8), e);
            } finally {
                scheduled.destroy();
                assertThat(scheduled.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            List<Object> statuses = runs().stream().map(row -> row.get("status")).toList();
            // the runs up to the first success; a fire after it may have been running when the test stopped `run`
            assertThat(statuses.subList(0, statuses.indexOf("succeeded"))).hasSizeGreaterThanOrEqualTo(2).containsOnly("failed");
            SyncTestAccess.assertWarehouseEqualsSimulator(runLog(), simulator);
            ReliabilityReport.record("links.next to the page itself", "every list page's links.next pointing at that page; once, then run "
                            + "with the server honest again after its first fire",
                    "once ended in " + took.toSeconds() + " s, exit 1, 3 answers served (the accounts, one page of each account): each account "
                            + "failed with one line naming the window and the URL, the run log 'failed'; run's first fire failed the same way, "
                            + "its next fire in the same process took the lock and synced; tables equal the API's rows");
        }
    }

    @Test
    void a400MegabyteBodyUnder256MegabytesOfHeapFailsItsPageWithOneLine() throws Exception {
        try (LeadfeederSimulator simulator = simulator().faults(FaultSettings.none().withOversizedBytes(400 * MB)).start()) {
            simulator.faults().injectAfter(1, Fault.OVERSIZED, 1); // the first page, after the accounts
            long started = System.nanoTime();

            ConnectorProcess.Result once = run("once", environment(simulator), List.of("-Xmx256m"), Duration.ofSeconds(60), "once");

            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(once.exitCode()).as(once.output()).isEqualTo(1);
            assertThat(once.output()).doesNotContain("OutOfMemoryError").doesNotContain("\tat ")
                    .containsPattern("Account 10000[12] failed; the other accounts go on: The answer to GET "
                            + simulator.baseUrl().replace(".", "\\.") + "/accounts/10000[12]/(visits|leads)\\?\\S+ is larger than 32 MB "
                            + "\\(leadfeeder\\.http\\.max-response-mb\\); refused there, and not asked again \\(at account 10000[12], "
                            + "(visits|leads) window \\S+, page 1\\)");
            assertThat(simulator.stats().faults(Fault.OVERSIZED)).as("not asked again").isOne();
            assertThat(simulator.stats().bodyBytes()).as("bytes the simulator could write before the connector dropped the body")
                    .isGreaterThan(32 * MB).isLessThan(128 * MB);
            List<Map<String, Object>> afterOnce = runs();
            assertThat(afterOnce).hasSize(1);
            assertThat(afterOnce.get(0).get("status")).isEqualTo("failed");
            assertThat((String) afterOnce.get(0).get("error")).contains("is larger than 32 MB (leadfeeder.http.max-response-mb)");

            ConnectorProcess.Result again = run("again", environment(simulator), List.of("-Xmx256m"), Duration.ofSeconds(60), "once");

            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(runs()).extracting(row -> row.get("status")).containsExactly("failed", "succeeded");
            SyncTestAccess.assertWarehouseEqualsSimulator(runLog(), simulator);
            ReliabilityReport.record("A 400 MB body", "a 400 MB chunked answer (whitespace around a real page) to the first page, "
                            + "the connector at -Xmx256m", "refused after 32 MB (leadfeeder.http.max-response-mb; the simulator got "
                            + simulator.stats().bodyBytes() / MB + " MB onto the wire in all, buffers included), not asked again, no "
                            + "OutOfMemoryError: that account failed with one line, the other synced, exit 1 after " + took.toSeconds()
                            + " s, the run log 'failed'; the next once took the lock and synced; tables equal the API's rows");
        }
    }
}
