package com.example.estate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.ExpectedRows;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The estate as it runs: a PostgreSQL schema of its own, the Leadfeeder simulator started by the test
 * (one token per tenant, each seeing one of its two accounts), the estate's route syncing both instances.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EstateApplicationTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String SCHEMA = "estate_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final LeadfeederSimulator SIMULATOR = LeadfeederSimulator.builder()
            .token("acme-token", Set.of("100001")).token("beta-token", Set.of("100002")).requestsPerWindow(0).start();

    @DynamicPropertySource
    static void estate(DynamicPropertyRegistry properties) throws Exception {
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + SCHEMA);
        }
        properties.add("spring.datasource.url", () -> POSTGRES + "?currentSchema=" + SCHEMA);
        properties.add("spring.datasource.username", () -> "postgres");
        properties.add("leadfeeder.base-api-url", SIMULATOR::baseUrl);
        // the first day of either account (their time zones differ), so both are synced from their start
        properties.add("leadfeeder.start-date", () -> min(SIMULATOR.dataset().firstDay("100001"), SIMULATOR.dataset().firstDay("100002")).toString());
        properties.add("leadfeeder.rate-limit.requests-per-window", () -> "0");
        properties.add("ACME_LEADFEEDER_TOKEN", () -> "acme-token");
        properties.add("BETA_LEADFEEDER_TOKEN", () -> "beta-token");
    }

    @AfterAll
    static void dropSchema() throws Exception {
        SIMULATOR.close();
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    @Autowired
    CamelContext camel;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${local.server.port}")
    int port;

    @Test
    void theEstatesRouteSyncsBothTenantsExactlyBesideItsOwnSchemaAndActuatorShowsThem() throws Exception {
        String outcome = camel.createProducerTemplate().requestBody("direct:estate-nightly", "", String.class);

        assertThat(outcome).isEqualTo("acme=SUCCEEDED beta=SUCCEEDED");
        assertExact("raw_leadfeeder_acme__", "100001");
        assertExact("beta_", "100002");
        // the estate's own Flyway schema and route, beside the sync's own histories
        assertThat(jdbc.queryForList("SELECT outcome FROM estate_nightly_runs", String.class)).containsExactly(outcome);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder_acme__sync_runs WHERE status = 'succeeded'", Integer.class)).isOne();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM beta_sync_runs WHERE status = 'succeeded'", Integer.class)).isOne();

        String prometheus = get("/actuator/prometheus");
        assertThat(prometheus).containsPattern("leadfeeder_rows_total\\{instance=\"acme\",table=\"visits\"} [1-9]")
                .containsPattern("leadfeeder_rows_total\\{instance=\"beta\",table=\"visits\"} [1-9]")
                .containsPattern("leadfeeder_run_duration_seconds_count\\{instance=\"acme\",status=\"succeeded\"} 1")
                .containsPattern("leadfeeder_requests_total\\{instance=\"beta\"} [1-9]");
        String health = get("/actuator/health");
        assertThat(health).contains("\"status\":\"UP\"").contains("leadfeeder-acme-warehouse").contains("leadfeeder-beta-last-sync");
    }

    /** The prefix's tables hold exactly what the simulator serves of the account: every visit, route row, lead and location. */
    private void assertExact(String prefix, String account) {
        ExpectedRows expected = new ExpectedRows(SIMULATOR.dataset());
        LocalDate from = SIMULATOR.dataset().firstDay(account);
        LocalDate to = SIMULATOR.dataset().lastDay(account);
        assertThat(jdbc.queryForList("SELECT account_id FROM " + prefix + "accounts", String.class)).containsExactly(account);
        assertThat(jdbc.queryForList("SELECT visit_id FROM " + prefix + "visits", String.class))
                .containsExactlyInAnyOrderElementsOf(ids(expected.visits(account, from, to), "visit_id"));
        assertThat(jdbc.queryForList("SELECT DISTINCT account_id FROM " + prefix + "visits", String.class)).containsExactly(account);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + prefix + "visit_routs", Integer.class))
                .isEqualTo(expected.visitRoutes(account, from, to).size());
        assertThat(jdbc.queryForList("SELECT lead_id FROM " + prefix + "leads", String.class))
                .containsExactlyInAnyOrderElementsOf(ids(expected.leads(account, from, to), "lead_id"));
        assertThat(jdbc.queryForList("SELECT location_id FROM " + prefix + "locations", String.class))
                .containsExactlyInAnyOrderElementsOf(ids(expected.locations(account, from, to), "location_id"));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static List<String> ids(List<Map<String, Object>> rows, String column) {
        return rows.stream().map(row -> String.valueOf(row.get(column))).toList();
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
