package org.leadfeedercamel.sync;

import org.leadfeedercamel.run.SyncRun;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.leadfeedercamel.config.Instance;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.Warehouse;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A CamelContext running the sync against a simulator and a fresh in-memory H2 warehouse, the way an
 * embedding host would set it up.
 */
public final class SyncHarness implements AutoCloseable {

    final LeadfeederSimulator simulator;
    final Clock clock;
    final SyncSettings settings;
    final HikariDataSource dataSource;
    final JdbcTemplate jdbc;
    final CamelContext context;
    final SyncInstance instance;

    public SyncHarness(LeadfeederSimulator simulator, Clock clock, Map<String, String> overrides) throws Exception {
        this(simulator, clock, overrides, new TestWarehouses.TestWarehouse(TestWarehouses.Kind.H2,
                "jdbc:h2:mem:sync-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null, () -> { }));
    }

    public SyncHarness(LeadfeederSimulator simulator, Clock clock, Map<String, String> overrides,
            TestWarehouses.TestWarehouse warehouse) throws Exception {
        this.simulator = simulator;
        this.clock = clock;
        Map<String, String> values = new HashMap<>();
        values.put(SyncSettings.API_TOKEN, "tok");
        values.put(SyncSettings.BASE_API_URL, simulator.baseUrl());
        values.put(SyncSettings.DB_URL, warehouse.url());
        if (warehouse.user() != null) {
            values.put(SyncSettings.DB_USER, warehouse.user());
        }
        values.put(SyncSettings.RATE_LIMIT_REQUESTS, "0"); // these simulators have no limit; PacingTest paces
        values.put(SyncSettings.V1_REQUESTS_PER_SECOND, "0");
        values.put(SyncSettings.API, "classic"); // the /v1 suites say v1; auto is tested on its own
        values.put("leadfeeder.http.backoff-initial-ms", "10");
        values.put("leadfeeder.http.backoff-max-ms", "50");
        values.put(SyncSettings.SCHEDULER_ENABLED, "false");
        values.putAll(overrides);
        this.settings = SyncSettings.read(key -> Optional.ofNullable(values.get(key)));
        this.dataSource = Warehouse.open(settings.warehouse());
        this.jdbc = new JdbcTemplate(dataSource);
        this.context = new DefaultCamelContext();
        this.instance = LeadfeederSync.add(context, Instance.ofDefault(settings), dataSource, clock);
        context.start();
    }

    public SyncRun once() {
        return run(SyncRun.incremental(clock));
    }

    public SyncRun run(SyncRun run) {
        return context.createProducerTemplate().requestBody("direct:leadfeeder-sync", run, SyncRun.class);
    }

    List<Map<String, Object>> rows(String sql) {
        return jdbc.queryForList(sql);
    }

    int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    @Override
    public void close() {
        context.stop();
        dataSource.close();
    }
}
