package org.leadfeedercamel.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.HttpManagementServerConfigurationProperties;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.leadfeedercamel.api.ApiChoice;
import org.leadfeedercamel.config.ConfigurationException;
import org.leadfeedercamel.config.ConfigurationSources;
import org.leadfeedercamel.config.Instance;
import org.leadfeedercamel.config.JdbcUrls;
import org.leadfeedercamel.config.SeedConfigurationFile;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.config.WarehouseSettings;
import org.leadfeedercamel.operations.ClusteredScheduling;
import org.leadfeedercamel.operations.ManagementServer;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.sql.Dialect;
import org.leadfeedercamel.sql.Warehouse;
import org.leadfeedercamel.sync.LeadfeederSync;
import org.leadfeedercamel.sync.SyncInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the connector the way the commands need it: configuration from {@code application.properties},
 * environment, {@code -D} and {@code --config}, with its instances (the default one of the plain keys,
 * and those of {@code leadfeeder.instances.<id>.*}); demo mode when no token is set; the warehouses; and
 * Camel Main with every instance's routes.
 */
final class SyncRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncRuntime.class);

    /** An instance's run, as a one-off command ended it. */
    record InstanceRun(Instance instance, SyncRun run) {
    }

    private final Properties overrides = new Properties();
    private final Clock clock = Clock.systemUTC();
    private List<Instance> instances;
    private LeadfeederSimulator demo;
    /** One pool per warehouse settings, so each instance has its own (its lock holds a connection for the whole run). */
    private final Map<WarehouseSettings, HikariDataSource> dataSources = new LinkedHashMap<>();
    private final Map<String, ApiChoice> apiChoices = new LinkedHashMap<>();
    private final List<SyncInstance> added = new CopyOnWriteArrayList<>();
    private Main main;

    /** Reads the configuration; a bad value throws a one-line {@link org.leadfeedercamel.config.ConfigurationException}. */
    SyncRuntime(Path seedConfiguration) {
        if (seedConfiguration != null) {
            SeedConfigurationFile.read(seedConfiguration).forEach(overrides::setProperty);
        }
        ConfigurationSources sources = new ConfigurationSources(overrides, System.getenv());
        instances = sources.instances();
        overrides.putAll(sources.camelEnvironment()); // CAMEL_MANAGEMENT_PORT and the like, which Camel Main does not read itself
        for (Instance instance : instances) {
            Dialect.of(instance.settings().warehouse().url()); // a database this version has no dialect for fails now, by name
            if (instance.settings().warehouse().dataSource() != null) {
                throw new ConfigurationException(instance.key(SyncSettings.DATA_SOURCE), instance.settings().warehouse().dataSource(),
                        "names a host's DataSource bean; the runner writes to " + instance.key(SyncSettings.DB_URL));
            }
        }
    }

    List<Instance> instances() {
        return instances;
    }

    Clock clock() {
        return clock;
    }

    /**
     * The API to sync from: in demo mode (no token, default warehouse and API) the built-in simulator,
     * said plainly; otherwise the configured one, which needs its credential.
     */
    SyncRuntime apiOrDemo() {
        instances.forEach(instance -> instance.settings().requireCredential());
        SyncSettings settings = instances.get(0).settings();
        if (instances.size() == 1 && settings.demo()) {
            demo = LeadfeederSimulator.builder().start();
            // the simulator's demo credential for the API asked for; auto takes the classic token for what it is
            instances = List.of(instances.get(0).with(settings.withApi(java.net.URI.create(demo.baseUrl()),
                    "v1".equals(settings.api().generation()) ? LeadfeederSimulator.DEFAULT_API_KEY : LeadfeederSimulator.DEFAULT_TOKEN)));
            LOG.warn("DEMO MODE: no LEADFEEDER_API_TOKEN is set, so this syncs the built-in Leadfeeder simulator at {} "
                    + "(2 demo accounts, the last 30 days) into {}. Set LEADFEEDER_API_TOKEN to sync your own data.",
                    demo.baseUrl(), JdbcUrls.withoutPassword(settings.warehouse().url()));
        }
        return this;
    }

    /** The instance's warehouse, opened (an H2 file created) on first use. */
    HikariDataSource dataSource(Instance instance) {
        return dataSources.computeIfAbsent(instance.settings().warehouse(), Warehouse::open);
    }

    /** The warehouse as it is, for commands that only read it; null when its H2 file is not there. */
    HikariDataSource existingDataSource(Instance instance) {
        WarehouseSettings warehouse = instance.settings().warehouse();
        if (!dataSources.containsKey(warehouse)) {
            HikariDataSource existing = Warehouse.openExisting(warehouse);
            if (existing == null) {
                return null;
            }
            dataSources.put(warehouse, existing);
        }
        return dataSources.get(warehouse);
    }

    /** Starts Camel Main with every instance; their Quartz triggers only when {@code scheduled}. */
    Main startCamel(boolean scheduled) throws Exception {
        boolean clustered = scheduled && instances.get(0).settings().schedule().clustered();
        if (clustered) {
            ClusteredScheduling.requireSupported(Dialect.of(instances.get(0).settings().warehouse().url())); // before anything starts
        }
        instances = instances.stream().map(instance -> instance.with(instance.settings().withSchedulerEnabled(scheduled))).toList();
        main = new Main();
        if (!scheduled) {
            oneOff();
        }
        main.setOverrideProperties(overrides);
        if (scheduled) {
            Main running = main;
            SignalStop.onStop(running::completed); // after the instances' runs are asked to stop
        }
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                try {
                    for (Instance instance : instances) {
                        SyncInstance sync = scheduled
                                ? LeadfeederSync.add(support.getCamelContext(), instance, dataSource(instance), clock)
                                : LeadfeederSync.addUnscheduled(support.getCamelContext(), instance, dataSource(instance), clock);
                        added.add(sync);
                        SignalStop.onStop(() -> sync.stop(SignalStop.reason()));
                    }
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
                if (clustered) {
                    ClusteredScheduling.configure(support.getCamelContext(), instances.get(0).settings(), dataSource(instances.get(0)),
                            instances.size());
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
                if (scheduled) {
                    LOG.info("Started: {} on the schedule {}{}; SIGTERM or Ctrl+C stops it",
                            instances.size() == 1 ? "the sync" : instances.size() + " instances",
                            String.join(" / ", instances.stream().map(i -> i.settings().schedule().cron()).distinct().toList()),
                            clustered ? ", clustered with the other nodes on the warehouse" : "");
                }
                HttpManagementServerConfigurationProperties management = support.configure().httpManagementServer();
                String url = ManagementServer.listening(support.getCamelContext(), management.getHost());
                if (url != null) {
                    LOG.info("Health on {}{}, metrics on {}{}", url, management.getHealthPath(), url,
                            support.configure().metrics().getPath());
                }
            }
        });
        if (!scheduled) {
            // the warehouse connected and migrated in a thread of its own while Camel starts: a good part of a one-off's start
            CompletableFuture<Void> warehouses = prepareWarehouses();
            main.start();
            try {
                warehouses.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        return main;
    }

    /** Opens every instance's pool unconnected, then connects and prepares them in another thread. */
    private CompletableFuture<Void> prepareWarehouses() {
        Map<Instance, HikariDataSource> pools = new LinkedHashMap<>();
        for (Instance instance : instances) {
            pools.put(instance, dataSources.computeIfAbsent(instance.settings().warehouse(), Warehouse::openUnconnected));
        }
        return CompletableFuture.runAsync(() -> pools.forEach((instance, pool) -> {
            Warehouse.connect(pool, instance.settings().warehouse());
            LeadfeederSync.prepareWarehouse(instance, pool);
        }), task -> new Thread(task, "leadfeeder-warehouse-start").start());
    }

    /** Starts Camel Main with every instance's API routes alone, which never touch the warehouse ({@code check}). */
    CamelContext startApiOnly() throws Exception {
        main = new Main();
        oneOff();
        main.setOverrideProperties(overrides);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport support) {
                try {
                    for (Instance instance : instances) {
                        apiChoices.put(instance.id(), LeadfeederSync.addApi(support.getCamelContext(), instance, clock));
                    }
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
        });
        main.start();
        return main.getCamelContext();
    }

    /** The API choice of an instance whose API routes {@link #startApiOnly} added. */
    ApiChoice apiChoice(Instance instance) {
        return apiChoices.get(instance.id());
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

    /** Starts Camel without the schedules, runs {@code request} through every instance's sync in turn and stops again. */
    static List<InstanceRun> execute(Path seedConfiguration, Function<Clock, SyncRun> request) throws Exception {
        try (SyncRuntime runtime = new SyncRuntime(seedConfiguration).apiOrDemo()) {
            runtime.startCamel(false);
            List<InstanceRun> runs = new ArrayList<>();
            for (SyncInstance sync : runtime.added) {
                if (SignalStop.stopping() && !runs.isEmpty()) {
                    break; // the stopped run says where; the instances after it were not begun
                }
                try (TerminalProgress bar = new TerminalProgress()) {
                    if (TerminalProgress.onTerminal()) {
                        sync.progress().displayOn(bar); // the periodic progress lines stay for logs and pipes
                    }
                    runs.add(new InstanceRun(sync.instance(), runtime.camel().createProducerTemplate()
                            .requestBody(sync.syncEndpoint(), request.apply(runtime.clock()), SyncRun.class)));
                }
            }
            return runs;
        }
    }

    @Override
    public void close() {
        if (main != null) {
            main.stop();
            // done: the JVM's exit must not be taken for a signal by Camel's shutdown hook (a start that failed leaves it armed)
            main.completed();
        }
        dataSources.values().forEach(HikariDataSource::close);
        if (demo != null) {
            demo.close();
        }
    }
}
