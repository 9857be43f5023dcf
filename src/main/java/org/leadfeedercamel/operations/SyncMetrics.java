package org.leadfeedercamel.operations;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.leadfeedercamel.state.StreamStatus;
import org.leadfeedercamel.run.SyncRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync's Prometheus metrics, counted as a run goes (a backfill can take hours): requests, 429s,
 * retries, rows per table, rejected records, run duration by outcome, the end of the last successful
 * run, and the lag per account and stream. They go into the Micrometer registry Camel's metrics use
 * ({@code camel.metrics.enabled}) or the host's (Spring Boot's); without one (e.g. {@code once}, or a
 * host without Micrometer) into a registry of their own, still readable through {@link #registry()}.
 * Every series is tagged with the instance it counts ({@code instance="default"} for the plain {@code leadfeeder.*} one), so any number
 * of instances share one registry.
 */
public final class SyncMetrics implements SyncRun.Observer {

    private static final Logger LOG = LoggerFactory.getLogger(SyncMetrics.class);

    private final CamelContext context;
    private final StreamStatus status;
    private final LocalDate startDate;
    private final Clock clock;
    private final Tags instance;
    private final Map<String, StreamStatus.Entry> streams = new ConcurrentHashMap<>();
    private final AtomicLong lastSuccess = new AtomicLong();
    private final AtomicLong apiQuotaUsed = new AtomicLong();
    private volatile MeterRegistry registry;

    public SyncMetrics(CamelContext context, StreamStatus status, LocalDate startDate, Clock clock, String instanceId) {
        this.context = context;
        this.status = status;
        this.startDate = startDate;
        this.clock = clock;
        this.instance = Tags.of("instance", instanceId);
    }

    /** The registry the metrics are in: Camel's (bound as {@code metricsRegistry}) once it exists. */
    public MeterRegistry registry() {
        MeterRegistry current = registry;
        if (current == null) {
            synchronized (this) {
                if (registry == null) {
                    registry = hostRegistry();
                    Gauge.builder("leadfeeder.last.success", lastSuccess, AtomicLong::get).baseUnit("seconds")
                            .description("End of the last successful sync run, epoch seconds (0: none since start)")
                            .tags(instance).register(registry);
                    Gauge.builder("leadfeeder.api.quota.used", apiQuotaUsed, AtomicLong::get)
                            .description("Requests of the /v1 API key this calendar month by the end of the last run, as the run log counts them")
                            .tags(instance).register(registry);
                    // every counter from the start, at 0, so rate() and alerts have a series before the first event
                    requests();
                    rateLimitedRequests();
                    retries();
                    rejectedRecords();
                    SyncRun.TABLES.forEach(this::rows);
                    refreshLag();
                }
                current = registry;
            }
        }
        return current;
    }

    /**
     * Camel's registry ({@code metricsRegistry}, Camel Main), else the one registry a host has (Spring
     * Boot's Prometheus one), else with several the composite that feeds them all; else one of our own.
     */
    private MeterRegistry hostRegistry() {
        MeterRegistry camels = context.getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (camels != null) {
            return camels;
        }
        Set<MeterRegistry> hosts = context.getRegistry().findByType(MeterRegistry.class);
        if (hosts.size() == 1) {
            return hosts.iterator().next();
        }
        return hosts.stream().filter(CompositeMeterRegistry.class::isInstance).findFirst().orElseGet(SimpleMeterRegistry::new);
    }

    /** Starts counting a run's figures as they happen. */
    public void runStarted(SyncRun run) {
        registry();
        run.observedBy(this);
    }

    /** Records the run's duration by outcome and, after a success, when it ended. */
    public void runEnded(SyncRun run) {
        Timer.builder("leadfeeder.run.duration").description("Sync runs by outcome")
                .tag("status", run.status().name().toLowerCase()).tags(instance)
                .register(registry()).record(Duration.between(run.startedAt(), clock.instant()));
        if (run.status() == SyncRun.Status.SUCCEEDED) {
            lastSuccess.set(clock.instant().getEpochSecond());
        }
        if (run.apiQuotaUsed() != null) {
            apiQuotaUsed.set(run.apiQuotaUsed());
        }
        refreshLag();
    }

    /** Reads how far every account and stream is synced; a lag gauge appears for each new one. */
    public void refreshLag() {
        try {
            for (StreamStatus.Entry entry : status.read(startDate)) {
                String key = entry.accountId() + "/" + entry.stream();
                if (streams.put(key, entry) == null) {
                    Gauge.builder("leadfeeder.lag", streams, all -> lagSeconds(all.get(key))).baseUnit("seconds")
                            .description("How far behind now the data is, per account and stream: now minus the end of the newest synced day, or minus its last read while it had not ended")
                            .tags("account", entry.accountId(), "stream", entry.stream()).tags(instance).register(registry());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not read the sync state for the lag metric: {}", e.getMessage());
        }
    }

    private double lagSeconds(StreamStatus.Entry entry) {
        return entry == null ? Double.NaN : entry.lag(clock, startDate).toSeconds();
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).tags(instance).register(registry());
    }

    private Counter requests() {
        return counter("leadfeeder.requests", "Requests sent to the Leadfeeder API");
    }

    private Counter rateLimitedRequests() {
        return counter("leadfeeder.rate.limited", "Requests the API answered 429");
    }

    private Counter retries() {
        return counter("leadfeeder.retries", "Requests retried (5xx, I/O errors, malformed bodies, 429)");
    }

    private Counter rejectedRecords() {
        return counter("leadfeeder.rejected.records", "Records that could not be mapped, kept in the instance's rejected_records table");
    }

    private Counter rows(String table) {
        return counter("leadfeeder.rows", "Rows upserted, per table", "table", table);
    }

    @Override
    public void requestSent() {
        requests().increment();
    }

    @Override
    public void rateLimited() {
        rateLimitedRequests().increment();
    }

    @Override
    public void retried() {
        retries().increment();
    }

    @Override
    public void wrote(String table, int count) {
        rows(table).increment(count);
    }

    @Override
    public void rejected(int count) {
        rejectedRecords().increment(count);
    }
}
