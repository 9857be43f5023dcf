package org.leadfeedercamel.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.leadfeedercamel.api.ApiChoice;
import org.leadfeedercamel.api.ApiPacing;
import org.leadfeedercamel.api.ApiResponses;
import org.leadfeedercamel.api.ClassicLeadfeederApi;
import org.leadfeedercamel.api.LeadfeederHttpClient;
import org.leadfeedercamel.api.RequestPacer;
import org.leadfeedercamel.api.RequestWriter;
import org.leadfeedercamel.api.RetryWaits;
import org.leadfeedercamel.api.TokenBucketPacer;
import org.leadfeedercamel.api.V1LeadfeederApi;
import org.leadfeedercamel.config.ConfigurationException;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.mapping.PageMapper;
import org.leadfeedercamel.mapping.RecordMapper;
import org.leadfeedercamel.mapping.V1RecordMapper;
import org.leadfeedercamel.operations.LastSyncHealthCheck;
import org.leadfeedercamel.operations.RunReport;
import org.leadfeedercamel.operations.SyncMetrics;
import org.leadfeedercamel.operations.SyncProgress;
import org.leadfeedercamel.operations.WarehouseHealthCheck;
import org.leadfeedercamel.sql.Dialect;
import org.leadfeedercamel.sql.RowParameterBinding;
import org.leadfeedercamel.sql.SqlStatements;
import org.leadfeedercamel.sql.UtcTimestamps;
import org.leadfeedercamel.sql.Warehouse;
import org.leadfeedercamel.state.CompletedWindows;
import org.leadfeedercamel.state.PageTransaction;
import org.leadfeedercamel.state.QuotaWatch;
import org.leadfeedercamel.state.RunLog;
import org.leadfeedercamel.state.StreamStatus;
import org.leadfeedercamel.state.SyncLock;
import org.leadfeedercamel.state.WindowPlanner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds the sync to a CamelContext: the beans its routes call (all named {@code leadfeeder*}) and the
 * YAML routes (all with ids {@code leadfeeder-*}). The standalone runner and a host estate use the
 * same two calls, so the host keeps its own routes, datasource and properties.
 */
public final class LeadfeederSync {

    /** The API routes: requests, retries and the API choice; they need only {@link #bindApiBeans}. */
    public static final String API_ROUTE_FILE = "routes/leadfeeder-api.camel.yaml";
    /** The route files, on the classpath (packaged from the top-level {@code routes/} folder). */
    public static final List<String> ROUTE_FILES = List.of("routes/leadfeeder-sync.camel.yaml",
            "routes/leadfeeder-pages.camel.yaml", API_ROUTE_FILE);

    private LeadfeederSync() {
    }

    /**
     * Migrates the warehouse behind {@code dataSource} and binds the sync's beans into the context's
     * registry. {@code settings} carries the token; it is never put into Camel properties.
     */
    public static void bindBeans(CamelContext context, SyncSettings settings, DataSource dataSource, Clock clock) {
        if (!settings.hasCredential()) {
            throw new ConfigurationException(SyncSettings.API_TOKEN, null, "is needed to sync (set LEADFEEDER_API_TOKEN)");
        }
        Dialect dialect = Dialect.of(dataSource);
        UtcTimestamps.require(dataSource, dialect);
        Warehouse.migrate(dataSource, dialect, settings.warehouse().tablePrefix());
        SqlStatements sql = new SqlStatements(dialect, settings.warehouse().tablePrefix());
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        CompletedWindows state = new CompletedWindows(dataSource, transactions, sql);
        ApiChoice choice = bindApiBeans(context, settings, clock);

        routeProperties(context, Map.of(SyncSettings.SCHEDULE, settings.schedule().cron(),
                SyncSettings.SCHEDULER_ENABLED, String.valueOf(settings.schedule().enabled())));
        Registry registry = context.getRegistry();
        for (String statement : SqlStatements.ROUTE_STATEMENTS) {
            registry.bind(SqlStatements.beanName(statement), sql.get(statement)); // the routes' sql:ref: endpoints
        }
        registry.bind("leadfeederRowParameterBinding", new RowParameterBinding());
        registry.bind("leadfeederDataSource", dataSource);
        registry.bind("leadfeederSyncLock", new SyncLock(dataSource, sql, settings.warehouse().lockWait(), clock));
        registry.bind("leadfeederPageTransaction", new PageTransaction(transactions));
        registry.bind("leadfeederCompletedWindows", state);
        registry.bind("leadfeederWindowPlanner", new WindowPlanner(settings.api().startDate(), settings.api().lookbackDays(), state));
        registry.bind("leadfeederRunLog", new RunLog(dataSource, sql, clock, choice,
                new QuotaWatch(dataSource, sql, clock, settings.v1().quotaWarningPercent())));
        registry.bind("leadfeederAccountSelection", new AccountSelection(settings.api().accountIds(), settings.api().startDate(), state, choice));
        registry.bind("leadfeederAccountOutcomes", new AccountOutcomes());
        registry.bind("leadfeederPageMapper", new PageMapper(new RecordMapper(new ObjectMapper())));
        registry.bind("leadfeederPageReader", new PageReader(context, choice, state, settings.api().resultCap()));
        registry.bind("leadfeederPageBatches", new PageBatches());
        registry.bind("leadfeederSyncMetrics", new SyncMetrics(context, new StreamStatus(dataSource, sql),
                settings.api().startDate(), clock));
        registry.bind("leadfeederSyncProgress", new SyncProgress(settings.operations().progressInterval(),
                settings.http().rateLimitRequests(), settings.http().rateLimitWindow(), clock));
        registry.bind("leadfeederRunReport", new RunReport());
        // health checks found in the registry join the context's readiness (and a host's)
        registry.bind("leadfeederWarehouseHealthCheck", new WarehouseHealthCheck(dataSource));
        registry.bind("leadfeederLastSyncHealthCheck", new LastSyncHealthCheck(dataSource, sql, settings.operations().maxSyncAge(), clock));
    }

    /**
     * Binds what the API routes ({@link #API_ROUTE_FILE}) need and nothing of the warehouse: the API
     * choice, request building, answers, the HTTP client, pacing and retry waits. {@code check} talks to
     * the API with these alone, so it reaches the API without touching the warehouse.
     */
    public static ApiChoice bindApiBeans(CamelContext context, SyncSettings settings, Clock clock) {
        routeProperties(context, Map.of(SyncSettings.BASE_API_URL, settings.api().baseUrl().toString(),
                SyncSettings.CONNECT_TIMEOUT, millis(settings.http().connectTimeout()),
                SyncSettings.RESPONSE_TIMEOUT, millis(settings.http().responseTimeout()),
                SyncSettings.RETRIES, String.valueOf(settings.http().retries()),
                SyncSettings.BACKOFF_INITIAL, millis(settings.http().backoffInitial()),
                SyncSettings.BACKOFF_MAX, millis(settings.http().backoffMax()),
                SyncSettings.RATE_LIMIT_RETRIES, String.valueOf(settings.http().rateLimitRetries())));
        ObjectMapper json = new ObjectMapper();
        ApiChoice choice = new ApiChoice(settings.api().generation(),
                new ClassicLeadfeederApi(settings.api().baseUrl(), settings.api().pageSize(), settings.api().resultCap(), new RecordMapper(json)),
                new V1LeadfeederApi(settings.api().baseUrl(), settings.api().pageSize(), settings.api().resultCap(), settings.v1().monthlyQuota(),
                        new V1RecordMapper(json)));
        Registry registry = context.getRegistry();
        registry.bind("leadfeederApiChoice", choice);
        registry.bind("leadfeederRequestWriter", new RequestWriter(settings.api().baseUrl()));
        registry.bind("leadfeederApiResponses", new ApiResponses(json, settings.api().baseUrl(),
                settings.http().maxRateLimitWait(), clock));
        registry.bind("leadfeederHttpClient", new LeadfeederHttpClient(settings.api().baseUrl(), settings.api().token(), settings.http().userAgent()));
        registry.bind("leadfeederApiPacing", new ApiPacing(
                new RequestPacer(settings.http().rateLimitRequests(), settings.http().rateLimitWindow(), clock),
                new TokenBucketPacer(settings.v1().requestsPerSecond(), settings.v1().burst(), clock), settings.api().baseUrl()));
        registry.bind("leadfeederRetryWaits", new RetryWaits(clock, settings.http().rateLimitWindow(),
                settings.http().maxRateLimitWait()));
        return choice;
    }

    /**
     * The settings the routes' placeholders name, as the context's fallback: a host's own properties
     * still win, and a key nobody set resolves to the value the settings checked (its default, once).
     */
    private static void routeProperties(CamelContext context, Map<String, String> values) {
        PropertiesComponent properties = context.getPropertiesComponent();
        values.forEach((key, value) -> {
            if (properties.resolveProperty(key).isEmpty()) {
                properties.addInitialProperty(key, value);
            }
        });
    }

    private static String millis(Duration duration) {
        return String.valueOf(duration.toMillis());
    }

    /** Loads the sync's YAML routes into the context. */
    public static void addRoutes(CamelContext context) throws Exception {
        List<Resource> resources = ROUTE_FILES.stream()
                .map(file -> ResourceHelper.resolveResource(context, "classpath:" + file))
                .toList();
        PluginHelper.getRoutesLoader(context).loadRoutes(resources);
    }

}
