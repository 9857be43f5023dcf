package org.leadfeedercamel.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadfeedercamel.config.ConfigurationException;
import org.leadfeedercamel.config.Instance;
import org.leadfeedercamel.config.Instances;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.simulator.Fault;
import org.leadfeedercamel.simulator.FaultSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.TestWarehouses.Kind;
import org.leadfeedercamel.sql.Warehouse;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Named instances: several syncs in one CamelContext, each with its own token, tables, state, routes,
 * beans, health checks and metrics, declared by {@code leadfeeder.instances.<id>.*}.
 */
class InstancesTest {

    private static final Set<String> ACME = Set.of("100001");
    private static final Set<String> BETA = Set.of("100002");

    /** One simulator; each instance's token sees one of its two accounts. */
    private static LeadfeederSimulator simulator() {
        return SyncEndToEndTest.simulator(SyncEndToEndTest.dataset()).token("tok-acme", ACME).token("tok-beta", BETA).start();
    }

    /** The properties a host (or application.properties) would hold: shared plain keys, and each instance's own. */
    private static Map<String, String> properties(LeadfeederSimulator simulator) {
        Map<String, String> values = new HashMap<>();
        values.put(SyncSettings.BASE_API_URL, simulator.baseUrl());
        values.put(SyncSettings.START_DATE, SyncEndToEndTest.FROM.toString());
        values.put(SyncSettings.API, "classic");
        values.put(SyncSettings.RATE_LIMIT_REQUESTS, "0");
        values.put(SyncSettings.SCHEDULER_ENABLED, "false");
        values.put("leadfeeder.instances.acme.api-token", "tok-acme");
        values.put("leadfeeder.instances.beta.api-token", "tok-beta");
        values.put("leadfeeder.instances.beta.schedule", "0 30 * * * ?");
        return values;
    }

    private static List<Instance> instances(Map<String, String> values) {
        return Instances.read(key -> Optional.ofNullable(values.get(key)), values.keySet());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoInstancesInOneContextAndOneWarehouseSyncExactlyIntoTheirOwnTablesAndState(Kind kind) throws Exception {
        try (LeadfeederSimulator simulator = simulator(); TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind)) {
            Map<String, String> values = properties(simulator);
            values.put(SyncSettings.DB_URL, warehouse.url());
            if (warehouse.user() != null) {
                values.put(SyncSettings.DB_USER, warehouse.user());
            }
            List<Instance> instances = instances(values);
            assertThat(instances).extracting(Instance::id).containsExactly("acme", "beta");
            assertThat(instances.get(1).settings().schedule().cron()).isEqualTo("0 30 * * * ?");
            assertThat(instances.get(0).settings().schedule().cron()).isEqualTo("0 0 * * * ?");

            try (HikariDataSource dataSource = Warehouse.open(instances.get(0).settings().warehouse());
                 CamelContext context = new DefaultCamelContext()) {
                Set<String> before = context.getRegistry().findByTypeWithName(Object.class).keySet();
                SyncInstance acme = LeadfeederSync.add(context, instances.get(0), dataSource, SyncEndToEndTest.CLOCK);
                SyncInstance beta = LeadfeederSync.add(context, instances.get(1), dataSource, SyncEndToEndTest.CLOCK);
                context.start();

                // both at once: each holds its own lock, so neither waits for the other
                CompletableFuture<SyncRun> acmeRun = context.createProducerTemplate()
                        .asyncRequestBody(acme.syncEndpoint(), null, SyncRun.class);
                SyncRun betaRun = context.createProducerTemplate().requestBody("direct:leadfeeder-beta-sync", null, SyncRun.class);
                assertThat(acmeRun.get().status()).isEqualTo(SyncRun.Status.SUCCEEDED);
                assertThat(betaRun.status()).isEqualTo(SyncRun.Status.SUCCEEDED);

                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                SyncEndToEndTest.assertWarehouseEqualsSimulator(jdbc, simulator, "raw_leadfeeder_acme__", ACME);
                SyncEndToEndTest.assertWarehouseEqualsSimulator(jdbc, simulator, "raw_leadfeeder_beta__", BETA);
                // each instance's state is its own, under its prefix; the default instance's is not there
                assertThat(jdbc.queryForList("SELECT run_id FROM raw_leadfeeder_acme__sync_runs", String.class))
                        .containsExactly(acmeRun.get().runId());
                assertThat(jdbc.queryForList("SELECT run_id FROM raw_leadfeeder_beta__sync_runs", String.class))
                        .containsExactly(betaRun.runId());
                assertThat(jdbc.queryForList("SELECT DISTINCT processorName FROM raw_leadfeeder_acme__completed_windows", String.class))
                        .isNotEmpty().allSatisfy(name -> assertThat(name).contains(":100001:"));
                assertThat(Warehouse.state(dataSource, org.leadfeedercamel.sql.Dialect.of(dataSource), "raw_leadfeeder__").empty())
                        .as("no leadfeeder_* tables of a default instance").isTrue();

                // a second run of one instance reads its lookback only: its state told it where it stands
                SyncRun again = context.createProducerTemplate().requestBody(acme.syncEndpoint(), null, SyncRun.class);
                assertThat(again.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
                assertThat(again.requests()).isLessThan(acmeRun.get().requests());
                SyncEndToEndTest.assertWarehouseEqualsSimulator(jdbc, simulator, "raw_leadfeeder_acme__", ACME);

                // names: routes and Quartz jobs per instance, no bean in the context's registry
                assertThat(context.getRoutes()).extracting(route -> route.getRouteId())
                        .contains("leadfeeder-acme-sync", "leadfeeder-acme-window", "leadfeeder-beta-sync", "leadfeeder-beta-scheduler")
                        .allSatisfy(id -> assertThat(id).matches("leadfeeder-(acme|beta)-.*"));
                assertThat(context.getRoute("leadfeeder-beta-scheduler").getEndpoint().getEndpointUri()).contains("leadfeeder-beta/sync")
                        .contains("0+30");
                assertThat(context.getRegistry().findByTypeWithName(Object.class).keySet())
                        .filteredOn(name -> !before.contains(name) && !name.endsWith("-variable-repository")).isEmpty();
                assertThat(HealthCheckRegistry.get(context).stream().map(HealthCheck::getId))
                        .contains("leadfeeder-acme-warehouse", "leadfeeder-acme-last-sync", "leadfeeder-beta-warehouse",
                                "leadfeeder-beta-last-sync");
                assertThat(HealthCheckRegistry.get(context).stream().filter(check -> check.getId().startsWith("leadfeeder-")))
                        .allSatisfy(check -> assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP));
                // metrics tagged with their instance
                MeterRegistry meters = acme.metrics().registry();
                assertThat(meters.get("leadfeeder.rows").tags("instance", "acme", "table", "visits").counter().count())
                        .isEqualTo((double) (acmeRun.get().rows("visits") + again.rows("visits")));
                assertThat(beta.metrics().registry().get("leadfeeder.rows").tags("instance", "beta", "table", "visits").counter().count())
                        .isEqualTo((double) betaRun.rows("visits"));
            }
        }
    }

    @Test
    void twoInstancesOnTwoDataSourcesEachSyncExactlyIntoTheirOwn() throws Exception {
        try (LeadfeederSimulator simulator = simulator();
             TestWarehouses.TestWarehouse h2 = TestWarehouses.fresh(Kind.H2);
             TestWarehouses.TestWarehouse postgres = TestWarehouses.fresh(Kind.POSTGRESQL)) {
            Map<String, String> values = properties(simulator);
            values.put("leadfeeder.instances.acme.db-url", h2.url());
            values.put("leadfeeder.instances.beta.db-url", postgres.url());
            values.put("leadfeeder.instances.beta.db-user", postgres.user());
            values.put("leadfeeder.instances.beta.table-prefix", "lf_");
            List<Instance> instances = instances(values);
            try (HikariDataSource acmeWarehouse = Warehouse.open(instances.get(0).settings().warehouse());
                 HikariDataSource betaWarehouse = Warehouse.open(instances.get(1).settings().warehouse());
                 CamelContext context = new DefaultCamelContext()) {
                SyncInstance acme = LeadfeederSync.add(context, instances.get(0), acmeWarehouse, SyncEndToEndTest.CLOCK);
                SyncInstance beta = LeadfeederSync.add(context, instances.get(1), betaWarehouse, SyncEndToEndTest.CLOCK);
                context.start();

                assertThat(context.createProducerTemplate().requestBody(acme.syncEndpoint(), null, SyncRun.class).status())
                        .isEqualTo(SyncRun.Status.SUCCEEDED);
                assertThat(context.createProducerTemplate().requestBody(beta.syncEndpoint(), null, SyncRun.class).status())
                        .isEqualTo(SyncRun.Status.SUCCEEDED);

                SyncEndToEndTest.assertWarehouseEqualsSimulator(new JdbcTemplate(acmeWarehouse), simulator, "raw_leadfeeder_acme__", ACME);
                SyncEndToEndTest.assertWarehouseEqualsSimulator(new JdbcTemplate(betaWarehouse), simulator, "lf_", BETA);
                assertThat(new JdbcTemplate(betaWarehouse).queryForObject("SELECT COUNT(*) FROM lf_sync_runs", Integer.class)).isOne();
            }
        }
    }

    @Test
    void aHostsYamlRouteTriggersInstancesByTheirEndpoints() throws Exception {
        try (LeadfeederSimulator simulator = simulator(); TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(Kind.H2)) {
            Map<String, String> values = properties(simulator);
            values.put(SyncSettings.DB_URL, warehouse.url());
            List<Instance> instances = instances(values);
            try (HikariDataSource dataSource = Warehouse.open(instances.get(0).settings().warehouse());
                 CamelContext context = new DefaultCamelContext()) {
                PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveResource(context, "classpath:host/nightly.camel.yaml"));
                for (Instance instance : instances) {
                    LeadfeederSync.add(context, instance, dataSource, SyncEndToEndTest.CLOCK);
                }
                context.start();

                String[] outcome = context.createProducerTemplate().requestBody("direct:host-nightly", "", String.class).split(" ");
                assertThat(outcome[0]).isEqualTo("SUCCEEDED");
                assertThat(outcome[2]).isEqualTo("SUCCEEDED");
                assertThat(outcome[3]).as("beta ran a run of its own").isNotEqualTo(outcome[1]);
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                SyncEndToEndTest.assertWarehouseEqualsSimulator(jdbc, simulator, "raw_leadfeeder_acme__", ACME);
                SyncEndToEndTest.assertWarehouseEqualsSimulator(jdbc, simulator, "raw_leadfeeder_beta__", BETA);
                assertThat(jdbc.queryForList("SELECT run_id FROM raw_leadfeeder_beta__sync_runs", String.class)).containsExactly(outcome[3]);
            }
        }
    }

    @Test
    void theDefaultInstanceKeepsItsNamesBesideANamedOne() throws Exception {
        try (LeadfeederSimulator simulator = simulator(); TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(Kind.H2)) {
            Map<String, String> values = properties(simulator);
            values.put(SyncSettings.DB_URL, warehouse.url());
            values.put(SyncSettings.API_TOKEN, "tok-beta"); // the plain token: the default instance is there too
            values.remove("leadfeeder.instances.beta.api-token");
            values.remove("leadfeeder.instances.beta.schedule");
            List<Instance> instances = instances(values);
            assertThat(instances).extracting(Instance::id).containsExactly(Instance.DEFAULT_ID, "acme");
            try (HikariDataSource dataSource = Warehouse.open(instances.get(0).settings().warehouse());
                 CamelContext context = new DefaultCamelContext()) {
                for (Instance instance : instances) {
                    LeadfeederSync.add(context, instance, dataSource, SyncEndToEndTest.CLOCK);
                }
                context.start();
                assertThat(context.createProducerTemplate().requestBody("direct:leadfeeder-sync", null, SyncRun.class).status())
                        .isEqualTo(SyncRun.Status.SUCCEEDED);
                assertThat(context.createProducerTemplate().requestBody("direct:leadfeeder-acme-sync", null, SyncRun.class).status())
                        .isEqualTo(SyncRun.Status.SUCCEEDED);

                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                SyncEndToEndTest.assertWarehouseEqualsSimulator(jdbc, simulator, "raw_leadfeeder__", BETA);
                SyncEndToEndTest.assertWarehouseEqualsSimulator(jdbc, simulator, "raw_leadfeeder_acme__", ACME);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leadfeeder_sync_runs", Integer.class)).isOne();
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder_acme__sync_runs", Integer.class)).isOne();
                assertThat(context.getRoute("leadfeeder-window")).isNotNull();
                assertThat(context.getRoute("leadfeeder-acme-window")).isNotNull();
            }
        }
    }

    @Test
    void anInstancesOwnAnswerLimitIsTheOneItKeepsAndItsFailureNames() throws Exception {
        try (LeadfeederSimulator simulator = SyncEndToEndTest.simulator(SyncEndToEndTest.dataset()).token("tok-acme", ACME)
                .token("tok-beta", BETA).faults(FaultSettings.none().withOversizedBytes(8L * 1024 * 1024)).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(Kind.H2)) {
            Map<String, String> values = properties(simulator);
            values.put(SyncSettings.DB_URL, warehouse.url());
            values.put("leadfeeder.instances.acme.http.max-response-mb", "1");
            List<Instance> instances = instances(values);
            try (HikariDataSource dataSource = Warehouse.open(instances.get(0).settings().warehouse());
                 CamelContext context = new DefaultCamelContext()) {
                SyncInstance acme = LeadfeederSync.add(context, instances.get(0), dataSource, SyncEndToEndTest.CLOCK);
                SyncInstance beta = LeadfeederSync.add(context, instances.get(1), dataSource, SyncEndToEndTest.CLOCK);
                context.start();
                // acme's first visits page (after its accounts), then beta's: 8 MB each, past acme's 1 MB, within beta's 32
                simulator.faults().injectAfter(1, Fault.OVERSIZED, 1);
                simulator.faults().injectAfter(1, Fault.OVERSIZED, 1);
                SyncRun acmeRun = context.createProducerTemplate().requestBody(acme.syncEndpoint(), null, SyncRun.class);
                SyncRun betaRun = context.createProducerTemplate().requestBody(beta.syncEndpoint(), null, SyncRun.class);

                assertThat(acmeRun.status()).isEqualTo(SyncRun.Status.FAILED);
                assertThat(acmeRun.error()).startsWith("The answer to GET " + simulator.baseUrl() + "/accounts/100001/visits?")
                        .contains(" is larger than 1 MB (leadfeeder.instances.acme.http.max-response-mb); refused there, and not asked again")
                        .contains("(at account 100001, visits window ");
                assertThat(betaRun.status()).as(betaRun.error()).isEqualTo(SyncRun.Status.SUCCEEDED);
                assertThat(simulator.stats().faults(Fault.OVERSIZED)).isEqualTo(2);
            }
        }
    }

    @Test
    void anInstanceThatLeavesMigrationsToTheHostChecksTheTablesAreThere() throws Exception {
        try (LeadfeederSimulator simulator = simulator(); TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(Kind.POSTGRESQL)) {
            Map<String, String> values = properties(simulator);
            values.put(SyncSettings.DB_URL, warehouse.url());
            values.put(SyncSettings.DB_USER, warehouse.user());
            values.put("leadfeeder.instances.acme.migrate", "false");
            Instance acme = instances(values).get(0);
            try (HikariDataSource dataSource = Warehouse.open(acme.settings().warehouse())) {
                assertThatThrownBy(() -> LeadfeederSync.add(new DefaultCamelContext(), acme, dataSource, SyncEndToEndTest.CLOCK))
                        .isInstanceOf(ConfigurationException.class)
                        .hasMessageStartingWith("leadfeeder.instances.acme.migrate: 'false' but the warehouse is not at this version")
                        .hasMessageContaining("db/instance-state/postgresql and db/tables/postgresql");
                assertThat(new JdbcTemplate(dataSource).queryForObject(
                        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()", Integer.class))
                        .as("nothing created").isZero();

                // the host applies the shipped SQL with its own tool (here: the same migrations), then the instance starts
                Warehouse.migrate(dataSource, org.leadfeedercamel.sql.Dialect.POSTGRESQL, org.leadfeedercamel.sql.Tables.of(acme));
                try (CamelContext context = new DefaultCamelContext()) {
                    SyncInstance added = LeadfeederSync.add(context, acme, dataSource, SyncEndToEndTest.CLOCK);
                    context.start();
                    assertThat(context.createProducerTemplate().requestBody(added.syncEndpoint(), null, SyncRun.class).status())
                            .isEqualTo(SyncRun.Status.SUCCEEDED);
                }
            }
        }
    }

    @Test
    void anInstanceAddedTwiceIsRefusedByName() throws Exception {
        try (LeadfeederSimulator simulator = simulator(); TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(Kind.H2)) {
            Map<String, String> values = properties(simulator);
            values.put(SyncSettings.DB_URL, warehouse.url());
            Instance acme = instances(values).get(0);
            try (HikariDataSource dataSource = Warehouse.open(acme.settings().warehouse()); CamelContext context = new DefaultCamelContext()) {
                LeadfeederSync.add(context, acme, dataSource, SyncEndToEndTest.CLOCK);
                assertThatThrownBy(() -> LeadfeederSync.add(context, acme, dataSource, SyncEndToEndTest.CLOCK))
                        .hasMessage("instance acme is in this CamelContext already (its routes leadfeeder-acme-* are there); "
                                + "give each instance its own id");
            }
        }
    }

    @Test
    void twoInstancesOnTheSameTablesAreRefusedAtStart() {
        Map<String, String> values = new HashMap<>();
        values.put("leadfeeder.instances.acme.api-token", "a");
        values.put("leadfeeder.instances.beta.api-token", "b");
        values.put("leadfeeder.instances.beta.table-prefix", "raw_leadfeeder_acme__");
        assertThatThrownBy(() -> instances(values)).isInstanceOf(ConfigurationException.class)
                .hasMessage("leadfeeder.instances.beta.table-prefix: 'raw_leadfeeder_acme__' is the table prefix of instance acme"
                        + " in the same warehouse; give each instance its own");
    }
}
