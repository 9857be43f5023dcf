package org.leadfeedercamel.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.HttpManagementServerConfigurationProperties;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.leadfeedercamel.config.ConfigurationException;
import org.leadfeedercamel.config.ConfigurationSources;
import org.leadfeedercamel.config.JdbcUrls;
import org.leadfeedercamel.config.SeedConfigurationFile;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.operations.ClusteredScheduling;
import org.leadfeedercamel.operations.ManagementServer;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.sql.Dialect;
import org.leadfeedercamel.sql.Warehouse;
import org.leadfeedercamel.sync.LeadfeederSync;
import org.leadfeedercamel.run.SyncRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the connector the way the commands need it: configuration from {@code application.properties},
 * environment, {@code -D} and {@code --config}; demo mode when no token is set; the warehouse; and
 * Camel Main with the sync's beans and routes.
 */
final class SyncRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncRuntime.class);

    private final Properties overrides = new Properties();
    private final Clock clock = Clock.systemUTC();
    private SyncSettings settings;
    private LeadfeederSimulator demo;
    private HikariDataSource dataSource;
    private Main main;

    /** Reads the configuration; a bad value throws a one-line {@link org.leadfeedercamel.config.ConfigurationException}. */
    SyncRuntime(Path seedConfiguration) {
        if (seedConfiguration != null) {
            SeedConfigurationFile.read(seedConfiguration).forEach(overrides::setProperty);
        }
        settings = SyncSettings.read(new ConfigurationSources(overrides, System.getenv()));
        Dialect.of(settings.warehouse().url()); // a database this version has no dialect for fails now, by name
    }

    SyncSettings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    /**
     * The API to sync from: in demo mode (no token, default warehouse and API) the built-in simulator,
     * said plainly; otherwise the configured one, which needs its credential.
     */
    SyncRuntime apiOrDemo() {
        settings.requireCredential();
        if (settings.demo()) {
            demo = LeadfeederSimulator.builder().start();
            // the simulator's demo credential for the API asked for; auto takes the classic token for what it is
            settings = settings.withApi(java.net.URI.create(demo.baseUrl()), "v1".equals(settings.api().generation())
                    ? LeadfeederSimulator.DEFAULT_API_KEY : LeadfeederSimulator.DEFAULT_TOKEN);
            overrides.setProperty(SyncSettings.BASE_API_URL, demo.baseUrl());
            LOG.warn("DEMO MODE: no LEADFEEDER_API_TOKEN is set, so this syncs the built-in Leadfeeder simulator at {} "
                    + "(2 demo accounts, the last 30 days) into {}. Set LEADFEEDER_API_TOKEN to sync your own data.",
                    demo.baseUrl(), JdbcUrls.withoutPassword(settings.warehouse().url()));
        }
        return this;
    }

    HikariDataSource dataSource() {
        if (dataSource == null) {
            dataSource = Warehouse.open(settings.warehouse());
        }
        return dataSource;
    }

    /** The warehouse as it is, for commands that only read it; null when its H2 file is not there. */
    HikariDataSource existingDataSource() {
        if (dataSource == null) {
            dataSource = Warehouse.openExisting(settings.warehouse());
        }
        return dataSource;
    }

    /** Starts Camel Main with the sync; the Quartz trigger only when {@code scheduled}. */
    Main startCamel(boolean scheduled) throws Exception {
        if (scheduled && settings.schedule().clustered()) {
            ClusteredScheduling.requireSupported(Dialect.of(settings.warehouse().url())); // before anything starts
        }
        main = new Main();
        overrides.setProperty("leadfeeder.scheduler-enabled", String.valueOf(scheduled));
        if (!scheduled) {
            oneOff();
        }
        main.setOverrideProperties(overrides);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                LeadfeederSync.bindBeans(support.getCamelContext(), settings, dataSource(), clock);
                if (scheduled && settings.schedule().clustered()) {
                    ClusteredScheduling.configure(support.getCamelContext(), settings, dataSource());
                }
            }

            @Override
            public void afterConfigure(BaseMainSupport support) {
                HttpManagementServerConfigurationProperties management = support.configure().httpManagementServer();
                if (scheduled && management.isEnabled()) {
                    ManagementServer.requireFree(management.getHost(), management.getPort());
                }
            }

            @Override
            public void afterStart(BaseMainSupport support) {
                HttpManagementServerConfigurationProperties management = support.configure().httpManagementServer();
                String url = ManagementServer.listening(support.getCamelContext(), management.getHost());
                if (url != null) {
                    LOG.info("Health on {}{}, metrics on {}{}", url, management.getHealthPath(), url,
                            support.configure().metrics().getPath());
                }
            }
        });
        if (!scheduled) {
            main.start();
        }
        return main;
    }

    /** Starts Camel Main with the API routes alone, which never touch the warehouse ({@code check}). */
    CamelContext startApiOnly() throws Exception {
        main = new Main();
        oneOff();
        overrides.setProperty("camel.main.routes-include-pattern", "classpath:" + LeadfeederSync.API_ROUTE_FILE);
        main.setOverrideProperties(overrides);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                LeadfeederSync.bindApiBeans(support.getCamelContext(), settings, clock);
            }
        });
        main.start();
        return main.getCamelContext();
    }

    /** Health, metrics and JMX are for the long-running {@code run}; a one-off command starts faster without them. */
    private void oneOff() {
        overrides.setProperty("camel.management.enabled", "false");
        overrides.setProperty("camel.metrics.enabled", "false");
        overrides.setProperty("camel.main.jmxEnabled", "false");
    }

    CamelContext camel() {
        return main.getCamelContext();
    }

    /** Starts Camel without the schedule, runs {@code request} through the sync and stops again. */
    static SyncRun execute(Path seedConfiguration, java.util.function.Function<Clock, SyncRun> request) throws Exception {
        try (SyncRuntime runtime = new SyncRuntime(seedConfiguration).apiOrDemo()) {
            runtime.startCamel(false);
            return runtime.camel().createProducerTemplate()
                    .requestBody("direct:leadfeeder-sync", request.apply(runtime.clock()), SyncRun.class);
        }
    }

    @Override
    public void close() {
        if (main != null) {
            main.stop();
            // done: the JVM's exit must not be taken for a signal by Camel's shutdown hook (a start that failed leaves it armed)
            main.completed();
        }
        if (dataSource != null) {
            dataSource.close();
        }
        if (demo != null) {
            demo.close();
        }
    }
}
