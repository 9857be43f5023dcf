package org.leadfeedercamel.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import javax.management.ObjectName;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.config.Instance;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.sql.Dialect;
import org.leadfeedercamel.sql.SqlStatements;
import org.leadfeedercamel.sql.Warehouse;
import org.leadfeedercamel.sync.LeadfeederSync;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The readiness checks against real databases, and the routes as JMX MBeans. */
class HealthChecksTest {

    /** A clock the test moves by hand. */
    private static final class Hands extends Clock {
        private Instant now = Instant.parse("2026-01-01T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aWarehouseThatDoesNotAnswerIsNotReady() {
        WarehouseHealthCheck check = new WarehouseHealthCheck("leadfeeder-warehouse", new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/test", "postgres", ""));
        HealthCheck.Result result = check.call();
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).isFalse();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("the warehouse is unreachable"));
    }

    @Test
    void theLastSyncMustBeRecentOnceTheFirstHadTime() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:health-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Warehouse.migrate(dataSource, Dialect.H2, "raw_leadfeeder__");
        assertThat(new WarehouseHealthCheck("leadfeeder-warehouse", dataSource).call().getState()).isEqualTo(HealthCheck.State.UP);
        Hands clock = new Hands();
        LastSyncHealthCheck check = new LastSyncHealthCheck("leadfeeder-last-sync", dataSource, new SqlStatements(Dialect.H2, "raw_leadfeeder__"),
                Duration.ofMinutes(180), clock);

        assertThat(check.call().getState()).as("no sync yet, just started").isEqualTo(HealthCheck.State.UP);
        clock.now = clock.now.plus(Duration.ofMinutes(181));
        assertThat(check.call().getState()).as("no sync after the time a sync is given").isEqualTo(HealthCheck.State.DOWN);

        String run = "INSERT INTO leadfeeder_sync_runs (run_id, mode, started_at, ended_at, status, table_prefix) "
                + "VALUES (?, 'incremental', ?, ?, 'succeeded', ?)";
        new JdbcTemplate(dataSource).update(run, "r0", clock.now.minusSeconds(60).atOffset(ZoneOffset.UTC),
                clock.now.minusSeconds(10).atOffset(ZoneOffset.UTC), "client_b__");
        assertThat(check.call().getState()).as("another table prefix's sync").isEqualTo(HealthCheck.State.DOWN);
        new JdbcTemplate(dataSource).update(run, "r1", clock.now.minusSeconds(60).atOffset(ZoneOffset.UTC),
                clock.now.minusSeconds(10).atOffset(ZoneOffset.UTC), "raw_leadfeeder__");
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
        clock.now = clock.now.plus(Duration.ofMinutes(181));
        HealthCheck.Result stale = check.call();
        assertThat(stale.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(stale.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("181 minutes ago"));
    }

    @Test
    void theRoutesAreJmxBeans() throws Exception {
        Map<String, String> values = Map.of(SyncSettings.API_TOKEN, "tok", SyncSettings.DB_URL, "jdbc:h2:mem:jmx-" + System.nanoTime(),
                SyncSettings.SCHEDULER_ENABLED, "false");
        SyncSettings settings = SyncSettings.read(key -> Optional.ofNullable(values.get(key)));
        try (var dataSource = Warehouse.open(settings.warehouse()); DefaultCamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setName("leadfeeder-jmx-test");
            LeadfeederSync.add(context, Instance.ofDefault(settings), dataSource, Clock.systemUTC());
            context.start();
            assertThat(ManagementFactory.getPlatformMBeanServer().queryNames(
                    new ObjectName("org.apache.camel:context=leadfeeder-jmx-test,type=routes,name=\"leadfeeder-window\""), null)).hasSize(1);
        }
    }
}
