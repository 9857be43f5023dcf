package org.leadfeedercamel.cli;

import org.leadfeedercamel.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadfeedercamel.simulator.FaultSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.TestWarehouses.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Faulty runs at TRACE level: the token, the database password and the personal-data key appear nowhere in what they
 * produced, neither the console (every library's logging included), nor the run log, nor any table.
 */
@Tag("reliability")
class SecretsTest {

    @TempDir
    Path work;

    @Test
    void theTokenAndPasswordAppearNowhere() throws Exception {
        String token = "tok-" + UUID.randomUUID();
        String wrongToken = "wrong-" + UUID.randomUUID();
        String key = "key-" + UUID.randomUUID();
        String password = "pw-" + UUID.randomUUID();
        String personalDataKey = "pdk-" + UUID.randomUUID();
        try (LeadfeederSimulator faulty = LeadfeederSimulator.builder().token(token).apiKey(key).requestsPerWindow(30)
                .rateWindow(Duration.ofSeconds(2)).faults(new FaultSettings(3, 0.1, 0, 0, 0.05, 0.05, 5)).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(Kind.POSTGRESQL)) {
            Map<String, String> env = new HashMap<>(Map.of("LEADFEEDER_API_TOKEN", token, "LEADFEEDER_BASE_API_URL", faulty.baseUrl(),
                    "LEADFEEDER_DB_URL", warehouse.url() + "&password=" + password, "LEADFEEDER_DB_USER", warehouse.user(),
                    "LEADFEEDER_DB_PASSWORD", password, "LEADFEEDER_HTTP_BACKOFF_INITIAL_MS", "10",
                    "LEADFEEDER_RATE_LIMIT_REQUESTS_PER_WINDOW", "0", "LEADFEEDER_RATE_LIMIT_WINDOW_SECONDS", "2"));
            env.put("LEADFEEDER_PERSONAL_DATA", "hash");
            env.put("LEADFEEDER_PERSONAL_DATA_KEY", personalDataKey);
            List<String> trace = List.of("-Dleadfeeder.log-level=trace");

            ConnectorProcess.Result faultyRun = ConnectorProcess.run(work, env, trace, "once", VerboseOption.NAME);
            env.put("LEADFEEDER_API_TOKEN", key); // a /v1 key: auto asks /v1 with it first
            ConnectorProcess.Result v1Run = ConnectorProcess.run(work, env, trace, "once", VerboseOption.NAME);
            env.put("LEADFEEDER_API_TOKEN", wrongToken);
            ConnectorProcess.Result refusedRun = ConnectorProcess.run(work, env, trace, "once", VerboseOption.NAME);
            ConnectorProcess.Result status = ConnectorProcess.run(work, env, trace, "status", VerboseOption.NAME);

            assertThat(faultyRun.output()).contains("Retry", "429").contains("Authorization: Token token=***");
            assertThat(v1Run.output()).contains("the unified /v1 API").contains("X-Api-Key: ***");
            assertThat(refusedRun.exitCode()).isEqualTo(1);
            for (ConnectorProcess.Result result : List.of(faultyRun, v1Run, refusedRun, status)) {
                assertThat(result.output()).doesNotContain(token).doesNotContain(key).doesNotContain(wrongToken)
                        .doesNotContain(password).doesNotContain(personalDataKey);
            }
            // the log file holds every line of the four commands, the libraries' TRACE among them
            String logFile = Files.readString(work.resolve("data/leadfeeder.log"));
            assertThat(logFile).contains("Authorization: Token token=***").contains("X-Api-Key: ***")
                    .doesNotContain(token).doesNotContain(key).doesNotContain(wrongToken).doesNotContain(password)
                    .doesNotContain(personalDataKey);
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(warehouse.url(), warehouse.user(), ""));
            List<String> values = new ArrayList<>();
            for (String table : jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()", String.class)) {
                jdbc.queryForList("SELECT * FROM " + table).forEach(row -> row.values().forEach(v -> values.add(String.valueOf(v))));
            }
            ReliabilityReport.record("Secrets", "a faulty run (5xx, resets, truncation, 429, arrivals), a /v1 run and a refused token, all logging at TRACE",
                    "token, /v1 key, wrong token, database password and personal-data key found 0 times in " + (faultyRun.output().lines().count()
                            + v1Run.output().lines().count() + refusedRun.output().lines().count() + status.output().lines().count())
                            + " lines of output, " + logFile.lines().count() + " lines of the log file and "
                            + values.size() + " stored values");
            assertThat(values).hasSizeGreaterThan(1_000)
                    .noneMatch(v -> v.contains(token) || v.contains(key) || v.contains(wrongToken) || v.contains(password)
                            || v.contains(personalDataKey));
        }
    }
}
