package org.leadfeedercamel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadfeedercamel.simulator.ClassicShapes;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.simulator.data.ExpectedRows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Records the API sends that cannot be mapped are kept, the rest loads and the window completes; the
 * summary, the run log and {@code status} count them, and {@code status} names the backfill that reads
 * their window again once the cause is fixed.
 */
class RejectedRecordsProcessTest {

    private static final LocalDate FROM = LocalDate.parse("2025-04-01");
    private static final LocalDate TO = LocalDate.parse("2025-04-20");

    @TempDir
    Path work;

    @Test
    void recordsThatCannotBeMappedAreCountedAndStatusNamesTheBackfillThatReadsThemAgain() throws Exception {
        ClassicShapes shapes = new ClassicShapes(false, 25);
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(DatasetSpec.defaults().withRange(FROM, TO)
                .withVisitsPerAccount(400).withCompaniesPerAccount(30)).classicShapes(shapes).token("tok").requestsPerWindow(0).start()) {
            String db = "jdbc:h2:file:" + work.resolve("warehouse");
            Map<String, String> env = Map.of("LEADFEEDER_API_TOKEN", "tok", "LEADFEEDER_BASE_API_URL", simulator.baseUrl(),
                    "LEADFEEDER_DB_URL", db, "LEADFEEDER_START_DATE", FROM.toString(), "LEADFEEDER_API", "classic",
                    "LEADFEEDER_ACCOUNT_ID", "100001");
            List<Object> served = new ExpectedRows(simulator.dataset()).visits("100001", FROM, TO).stream().map(v -> v.get("visit_id")).toList();
            long unmappable = served.stream().filter(id -> shapes.unmappable((String) id)).count();
            assertThat(unmappable).isBetween(5L, 40L);

            ConnectorProcess.Result once = ConnectorProcess.run(work, env, "once");

            assertThat(once.exitCode()).as(once.output()).isZero();
            assertThat(once.output()).contains("succeeded", unmappable + " record(s) could not be mapped");
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(db));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits", Long.class)).isEqualTo(served.size() - unmappable);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leadfeeder_rejected_records WHERE reason = 'visit_length is not a whole number'",
                    Long.class)).isEqualTo(unmappable);
            assertThat(jdbc.queryForObject("SELECT rejected FROM leadfeeder_sync_runs", Long.class)).isEqualTo(unmappable);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leadfeeder_completed_windows WHERE processorName = 'leadfeeder:100001:visits'",
                    Integer.class)).as("the window completes: its records are kept").isPositive();

            ConnectorProcess.Result status = ConnectorProcess.run(work, env, "status");

            assertThat(status.exitCode()).as(status.output()).isZero();
            assertThat(status.output()).containsPattern("account 100001 +visits +" + unmappable + " record\\(s\\), read in " + FROM
                    + "\\.\\.(\\d{4}-\\d\\d-\\d\\d); after a fix: backfill --from " + FROM + " --to \\1 --streams visits")
                    .containsPattern("rejected " + unmappable);
            String to = status.output().replaceAll("(?s).*read in " + FROM + "\\.\\.(\\d{4}-\\d\\d-\\d\\d).*", "$1");

            ConnectorProcess.Result backfill = ConnectorProcess.run(work, env, "backfill", "--from", FROM.toString(), "--to", to,
                    "--streams", "visits");

            assertThat(backfill.exitCode()).as(backfill.output()).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leadfeeder_rejected_records", Long.class))
                    .as("read again, still unmappable: kept again").isEqualTo(2 * unmappable);
        }
    }
}
