package org.leadfeedercamel.sync;

import org.leadfeedercamel.run.SyncRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.config.Instance;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sync added to an existing estate: a CamelContext with its own routes, datasource, properties and
 * error handler. Both keep working and nothing clashes.
 */
class EmbeddingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-30T19:00:00Z"), ZoneOffset.UTC);

    @Test
    void theSyncRunsBesideTheHostsOwnRoutesWithoutTouchingThem() throws Exception {
        try (LeadfeederSimulator simulator = SyncEndToEndTest.simulator(SyncEndToEndTest.dataset()).start()) {
            CamelContext host = new DefaultCamelContext();
            Properties hostProperties = new Properties();
            hostProperties.setProperty("host.greeting", "hello");
            host.getPropertiesComponent().setInitialProperties(hostProperties);
            JdbcDataSource hostDataSource = new JdbcDataSource();
            hostDataSource.setURL("jdbc:h2:mem:host-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            host.getRegistry().bind("dataSource", hostDataSource);
            host.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(deadLetterChannel("mock:host-dead"));
                    from("direct:host-orders").routeId("orders").setBody(simple("{{host.greeting}} ${body}")).to("mock:host-out");
                    from("direct:host-failing").routeId("failing").throwException(new IllegalStateException("host failure"));
                }
            });

            // the embedding recipe: settings from the host's own configuration, its datasource, one call
            SyncSettings settings = SyncSettings.read(key -> switch (key) {
                case SyncSettings.API_TOKEN -> Optional.of("tok");
                case SyncSettings.BASE_API_URL -> Optional.of(simulator.baseUrl());
                case SyncSettings.START_DATE -> Optional.of(SyncEndToEndTest.FROM.toString());
                case SyncSettings.SCHEDULER_ENABLED -> Optional.of("false");
                default -> Optional.empty();
            });
            java.util.Set<String> hostBeans = new java.util.HashSet<>(host.getRegistry().findByTypeWithName(Object.class).keySet());
            LeadfeederSync.add(host, Instance.ofDefault(settings), hostDataSource, CLOCK);
            host.start();
            java.util.Set<Thread> hostThreads = Thread.getAllStackTraces().keySet();
            try {
                MockEndpoint out = host.getEndpoint("mock:host-out", MockEndpoint.class);
                MockEndpoint dead = host.getEndpoint("mock:host-dead", MockEndpoint.class);
                out.expectedBodiesReceived("hello world");
                dead.expectedMessageCount(1);

                host.createProducerTemplate().sendBody("direct:host-orders", "world");
                host.createProducerTemplate().send("direct:host-failing", e -> e.getMessage().setHeader("CamelHttpUri", "http://elsewhere"));
                SyncRun run = host.createProducerTemplate().requestBodyAndHeader("direct:leadfeeder-sync", SyncRun.incremental(CLOCK),
                        "CamelHttpUri", "http://host.internal/orders", SyncRun.class);

                out.assertIsSatisfied();
                dead.assertIsSatisfied();
                assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
                assertThat(new JdbcTemplate(hostDataSource).queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits", Integer.class))
                        .isPositive();
                assertThat(host.getRoutes()).extracting(r -> r.getRouteId())
                        .contains("orders", "failing", "leadfeeder-sync", "leadfeeder-window")
                        .filteredOn(id -> !id.equals("orders") && !id.equals("failing"))
                        .allSatisfy(id -> assertThat(id).startsWith("leadfeeder-"));
                // the sync's beans are local to its routes: none is bound in the host's registry
                assertThat(host.getRegistry().findByTypeWithName(Object.class).keySet())
                        .filteredOn(name -> !hostBeans.contains(name) && !name.endsWith("-variable-repository")) // Camel's own, at start
                        .isEmpty();
                assertThat(host.getRegistry().lookupByName("dataSource")).isSameAs(hostDataSource);
                assertThat(host.resolvePropertyPlaceholders("{{host.greeting}}")).isEqualTo("hello");
                // the only threads the sync started are its own, named so (the simulator's are the test's)
                assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> !hostThreads.contains(t))
                        .extracting(Thread::getName).filteredOn(name -> !name.startsWith("simulator-"))
                        .isNotEmpty().allSatisfy(name -> assertThat(name).contains("leadfeeder-"));
                // the host's endpoints are untouched; the sync's are its own direct: ones
                assertThat(host.getEndpoints()).extracting(e -> e.getEndpointUri())
                        .filteredOn(uri -> uri.startsWith("direct:")).allSatisfy(uri ->
                                assertThat(uri).matches("direct://(host-.*|leadfeeder-.*)"));
            } finally {
                host.stop();
            }
        }
    }

    @Test
    void aHostsMariaDbDataSourceThatWouldShiftTimestampsIsRefusedAtStartWithOneLine() {
        try (org.leadfeedercamel.sql.TestWarehouses.TestWarehouse warehouse = org.leadfeedercamel.sql.TestWarehouses.fresh(
                org.leadfeedercamel.sql.TestWarehouses.Kind.MARIADB)) {
            // the host's pool, as estates configure it: a session time zone of its own, the driver's defaults
            org.springframework.jdbc.datasource.DriverManagerDataSource hostDataSource = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    warehouse.url() + "?sessionVariables=time_zone='+05:00'", warehouse.user(), warehouse.password());
            SyncSettings settings = SyncSettings.read(key -> key.equals(SyncSettings.API_TOKEN) ? Optional.of("tok") : Optional.empty());

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> LeadfeederSync.add(new DefaultCamelContext(), Instance.ofDefault(settings), hostDataSource, CLOCK))
                    .isInstanceOf(org.leadfeedercamel.config.ConfigurationException.class)
                    .hasMessageStartingWith("leadfeeder.db-url: 'jdbc:mariadb://127.0.0.1")
                    .hasMessageContaining(warehouse.url().substring(warehouse.url().lastIndexOf('/')))
                    .hasMessageContaining("shifted by -18000 s").hasMessageContaining("connectionTimeZone=UTC&preserveInstants=true");
            assertThat(new JdbcTemplate(hostDataSource).queryForObject(
                    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()", Integer.class))
                    .as("nothing migrated into it").isZero();
        }
    }
}
