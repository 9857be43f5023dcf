package org.leadfeedercamel.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Properties;
import java.util.Set;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.TestWarehouses.Kind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Camel Main host: its own YAML route and properties, {@link LeadfeederConfiguration} among its
 * configuration classes, two instances declared by properties, one on the host's DataSource bean and one
 * on a db-url of its own.
 */
class CamelMainHostTest {

    @Test
    void aCamelMainHostDeclaresInstancesByPropertiesAndItsRouteRunsThem() throws Exception {
        try (LeadfeederSimulator simulator = SyncEndToEndTest.simulator(SyncEndToEndTest.dataset())
                .token("tok-acme", Set.of("100001")).token("tok-beta", Set.of("100002")).start();
             TestWarehouses.TestWarehouse own = TestWarehouses.fresh(Kind.H2);
             TestWarehouses.TestWarehouse host = TestWarehouses.fresh(Kind.POSTGRESQL);
             HikariDataSource hostDataSource = new HikariDataSource()) {
            hostDataSource.setJdbcUrl(host.url());
            hostDataSource.setUsername(host.user());
            Properties properties = new Properties();
            properties.setProperty("camel.main.configuration-classes", LeadfeederConfiguration.class.getName());
            properties.setProperty("camel.main.routes-include-pattern", "classpath:host/nightly.camel.yaml");
            properties.setProperty("camel.main.jmxEnabled", "false");
            properties.setProperty(SyncSettings.BASE_API_URL, simulator.baseUrl());
            properties.setProperty(SyncSettings.START_DATE, SyncEndToEndTest.FROM.toString());
            properties.setProperty(SyncSettings.API, "classic");
            properties.setProperty(SyncSettings.RATE_LIMIT_REQUESTS, "0");
            properties.setProperty(SyncSettings.SCHEDULER_ENABLED, "false"); // the host's route runs the syncs
            properties.setProperty("leadfeeder.instances.acme.api-token", "tok-acme");
            properties.setProperty("leadfeeder.instances.acme.db-url", own.url());
            properties.setProperty("leadfeeder.instances.beta.api-token", "tok-beta");
            properties.setProperty("leadfeeder.instances.beta.data-source", "hostWarehouse");
            Main main = new Main();
            main.bind("hostWarehouse", hostDataSource);
            main.setOverrideProperties(properties);
            main.start();
            try {
                String[] outcome = main.getCamelContext().createProducerTemplate()
                        .requestBody("direct:host-nightly", "", String.class).split(" ");
                assertThat(outcome[0]).isEqualTo("SUCCEEDED");
                assertThat(outcome[2]).isEqualTo("SUCCEEDED");
                assertThat(main.getCamelContext().getRoute("leadfeeder-acme-scheduler")).isNotNull();
                assertThat(main.getCamelContext().getRouteController().getRouteStatus("leadfeeder-acme-scheduler").isStopped()).isTrue();
                assertThat(main.getCamelContext().getRoute("leadfeeder-sync")).as("no token of its own: no default instance").isNull();
                try (HikariDataSource acmeWarehouse = new HikariDataSource()) {
                    acmeWarehouse.setJdbcUrl(own.url());
                    SyncEndToEndTest.assertWarehouseEqualsSimulator(new JdbcTemplate(acmeWarehouse), simulator, "raw_leadfeeder_acme__",
                            Set.of("100001"));
                }
                SyncEndToEndTest.assertWarehouseEqualsSimulator(new JdbcTemplate(hostDataSource), simulator, "raw_leadfeeder_beta__",
                        Set.of("100002"));
            } finally {
                main.stop();
            }
        }
    }
}
