package org.leadfeedercamel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadfeedercamel.reliability.ReliabilityReport;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.simulator.data.ExpectedRows;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.TestWarehouses.Kind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Every warehouse stores the API's instants as they are, whatever the time zone of the JVM that syncs
 * (here Pacific/Auckland, UTC+12/13) and of its database session (Asia/Kathmandu, +05:45, or +05:00):
 * read back in UTC they equal the simulator's, and the sync's own timestamps are the moment it ran.
 */
@Tag("reliability")
class TimeZonesProcessTest {

    private static final LocalDate FROM = LocalDate.parse("2025-04-01");
    private static final LocalDate TO = LocalDate.parse("2025-04-10");

    @TempDir
    Path work;

    /** The warehouse's URL with a session time zone far from UTC. */
    private static String offUtcSession(TestWarehouses.TestWarehouse warehouse, Path work) {
        return switch (warehouse.kind()) {
            case H2 -> "jdbc:h2:file:" + work.resolve("tz") + ";TIME ZONE=Asia/Kathmandu";
            case POSTGRESQL -> warehouse.url() + "&options=-c%20TimeZone%3DAsia/Kathmandu";
            case MARIADB -> warehouse.url() + "?sessionVariables=time_zone='+05:00'";
        };
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant(); // this JVM and the reading session run in UTC
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        throw new AssertionError("not a timestamp: " + value);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void instantsAreStoredAsTheyAreWhateverTheJvmAndSessionTimeZones(Kind kind) throws Exception {
        DatasetSpec spec = DatasetSpec.defaults().withRange(FROM, TO).withVisitsPerAccount(150).withCompaniesPerAccount(20);
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(spec).token("tz-token").requestsPerWindow(0).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind)) {
            String url = offUtcSession(warehouse, work);
            Map<String, String> env = new HashMap<>(Map.of("LEADFEEDER_API_TOKEN", "tz-token", "LEADFEEDER_BASE_API_URL", simulator.baseUrl(),
                    "LEADFEEDER_DB_URL", url, "LEADFEEDER_START_DATE", FROM.toString(), "LEADFEEDER_API", "classic"));
            if (warehouse.user() != null) {
                env.put("LEADFEEDER_DB_USER", warehouse.user());
            }
            Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

            ConnectorProcess.Result once = ConnectorProcess.run(work, env, List.of("-Duser.timezone=Pacific/Auckland"), "once");

            Instant after = Instant.now().plusSeconds(1);
            assertThat(once.exitCode()).as(once.output()).isZero();
            String readUrl = kind == Kind.H2 ? "jdbc:h2:file:" + work.resolve("tz") : warehouse.url();
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(readUrl, warehouse.user(), warehouse.password()));
            Map<Object, Instant> expected = new HashMap<>();
            ExpectedRows rows = new ExpectedRows(simulator.dataset());
            simulator.dataset().accounts().forEach(a -> rows.visits(a.id(), FROM, TO)
                    .forEach(v -> expected.put(v.get("visit_id"), (Instant) v.get("started_at"))));
            Map<Object, Instant> stored = new HashMap<>();
            List<Map<String, Object>> visits = jdbc.queryForList("SELECT visit_id, started_at, _synced_at FROM raw_leadfeeder__visits");
            for (Map<String, Object> visit : visits) {
                stored.put(visit.get("visit_id") == null ? visit.get("VISIT_ID") : visit.get("visit_id"),
                        instant(visit.getOrDefault("started_at", visit.get("STARTED_AT"))));
                assertThat(instant(visit.getOrDefault("_synced_at", visit.get("_SYNCED_AT")))).isBetween(before, after);
            }
            assertThat(stored).isEqualTo(expected).isNotEmpty();
            Map<String, Object> run = jdbc.queryForMap("SELECT started_at, ended_at FROM leadfeeder_sync_runs");
            for (Object value : run.values()) {
                assertThat(instant(value)).isBetween(before, after);
            }
            for (Object createdAt : jdbc.queryForList("SELECT createdAt FROM leadfeeder_completed_windows", Object.class)) {
                assertThat(instant(createdAt)).isBetween(before, after);
            }
            ReliabilityReport.record("JVM and session off UTC (" + kind + ")", "once run by a JVM in Pacific/Auckland against a "
                    + "session in " + (kind == Kind.MARIADB ? "+05:00" : "Asia/Kathmandu"), stored.size() + " visits' started_at read "
                    + "back in UTC equal the API's instants; _synced_at, the run log and the state hold the moment of the run");
        }
    }
}
