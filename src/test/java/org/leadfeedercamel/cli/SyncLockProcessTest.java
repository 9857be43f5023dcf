package org.leadfeedercamel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadfeedercamel.simulator.FaultSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.TestWarehouses.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Two sync processes against one warehouse: the second stops with a clear message, the first is not disturbed. */
class SyncLockProcessTest {

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void aSecondSyncOnTheSameWarehouseStopsWhileTheFirstFinishes(Kind kind) throws Exception {
        // every answer 500 ms late, so the first sync (about 20 requests) is still running when the second starts
        // its clock stopped at the start: today's visits do not grow while the test runs, so the expected count is the synced one
        try (LeadfeederSimulator slow = LeadfeederSimulator.builder().token("lock-token")
                .clock(Clock.fixed(Instant.now(), ZoneOffset.UTC)).requestsPerWindow(0)
                .faults(new FaultSettings(1, 0, 1.0, 500, 0, 0, 0)).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind)) {
            Map<String, String> env = new HashMap<>(Map.of("LEADFEEDER_API_TOKEN", "lock-token", "LEADFEEDER_BASE_API_URL", slow.baseUrl(),
                    "LEADFEEDER_DB_URL", warehouse.url(), "LEADFEEDER_ACCOUNT_ID", "100001"));
            env.put("LEADFEEDER_DB_USER", warehouse.user());
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(warehouse.url(), warehouse.user(), warehouse.password()));
            Path first = Files.createDirectories(work.resolve("first"));
            Path second = Files.createDirectories(work.resolve("second"));

            Process running = ConnectorProcess.start(first, env, "once");
            Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                    jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits", Integer.class) > 0);
            ConnectorProcess.Result refused = ConnectorProcess.run(second, env, "once");

            assertThat(running.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(running.exitValue()).as(Files.readString(first.resolve("connector-output.log"))).isZero();
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.output()).contains("another sync is running against this warehouse");
            assertThat(jdbc.queryForList("SELECT status FROM leadfeeder_sync_runs ORDER BY started_at", String.class))
                    .containsExactly("succeeded", "failed");
            int expected = slow.dataset().visits("100001", slow.dataset().firstDay("100001"), slow.dataset().lastDay("100001"), 0, 0).total();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits", Integer.class)).isEqualTo(expected);
        }
    }
}
