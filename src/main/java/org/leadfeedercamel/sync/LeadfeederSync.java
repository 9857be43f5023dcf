package org.leadfeedercamel.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteTemplateDefinition;
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
import org.leadfeedercamel.config.Instance;
import org.leadfeedercamel.config.JdbcUrls;
import org.leadfeedercamel.config.ScheduleSettings;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.mapping.PageMapper;
import org.leadfeedercamel.mapping.PersonalData;
import org.leadfeedercamel.mapping.RecordMapper;
import org.leadfeedercamel.mapping.V1RecordMapper;
import org.leadfeedercamel.operations.LastSyncHealthCheck;
import org.leadfeedercamel.operations.RunReport;
import org.leadfeedercamel.operations.SyncMetrics;
import org.leadfeedercamel.operations.SyncOnStart;
import org.leadfeedercamel.operations.SyncProgress;
import org.leadfeedercamel.operations.WarehouseHealthCheck;
import org.leadfeedercamel.run.StopSignal;
import org.leadfeedercamel.sql.Dialect;
import org.leadfeedercamel.sql.RowParameterBinding;
import org.leadfeedercamel.sql.SqlStatements;
import org.leadfeedercamel.sql.Tables;
import org.leadfeedercamel.sql.UtcTimestamps;
import org.leadfeedercamel.sql.Warehouse;
import org.leadfeedercamel.state.CompletedWindows;
import org.leadfeedercamel.state.PageTransaction;
import org.leadfeedercamel.state.QuotaWatch;
import org.leadfeedercamel.state.RunLog;
import org.leadfeedercamel.state.StreamStatus;
import org.leadfeedercamel.state.SyncLock;
import org.leadfeedercamel.state.WarehouseRetry;
import org.leadfeedercamel.state.WindowPlanner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds sync instances to a CamelContext, any number of them: each is the routes of the YAML route
 * templates ({@link #ROUTE_FILES}) made for it, with ids and endpoints of its own
 * ({@code leadfeeder-<id>-*}; the default instance's {@code leadfeeder-*}), its beans local to its routes
 * (nothing is bound in the context's registry), its route configurations, health checks and metrics.
 * The standalone runner, Camel Main and Spring Boot hosts, and a plain CamelContext all use
 * {@link #add}; the host keeps its own routes, datasource and properties.
 */
public final class LeadfeederSync {

    /** The API routes' templates: requests, retries and the API choice; {@link #addApi} makes only these. */
    public static final String API_ROUTE_FILE = "routes/leadfeeder-api.camel.yaml";
    /** The route template files, on the classpath (packaged from the top-level {@code routes/} folder). */
    public static final List<String> ROUTE_FILES = List.of("routes/leadfeeder-sync.camel.yaml",
            "routes/leadfeeder-pages.camel.yaml", API_ROUTE_FILE);

    private static final List<String> API_TEMPLATES = List.of("leadfeeder-api-choice", "leadfeeder-api-get", "leadfeeder-api-call");
    private static final String SCHEDULER_TEMPLATE = "leadfeeder-scheduler";
    private static final List<String> SYNC_TEMPLATES = List.of(SCHEDULER_TEMPLATE, "leadfeeder-sync", "leadfeeder-accounts",
            "leadfeeder-account", "leadfeeder-stream", "leadfeeder-window", "leadfeeder-page-fetch", "leadfeeder-page-map",
            "leadfeeder-write-page");

    private LeadfeederSync() {
    }

    /**
     * Migrates the instance's tables in the warehouse behind {@code dataSource} and adds its routes to
     * {@code context}, before or after the context started. Its settings carry the credential, which is
     * never put into Camel properties.
     */
    public static SyncInstance add(CamelContext context, Instance instance, DataSource dataSource, Clock clock) throws Exception {
        return add(context, instance, dataSource, clock, true);
    }

    /**
     * {@link #add(CamelContext, Instance, DataSource, Clock)} without the Quartz trigger route, for runs the
     * caller sends to {@link SyncInstance#syncEndpoint()} itself (one-off commands), so Quartz is not even
     * started; and without touching the warehouse of the instance's {@code leadfeeder.db-url}: the caller
     * {@linkplain #prepareWarehouse prepares} it before the first run, e.g. in another thread while the
     * context starts.
     */
    public static SyncInstance addUnscheduled(CamelContext context, Instance instance, DataSource dataSource, Clock clock)
            throws Exception {
        requireCredential(instance);
        requireNew(context, instance);
        String url = instance.settings().warehouse().url();
        return add(context, instance, dataSource, Dialect.of(url), JdbcUrls.withoutPassword(url), clock, false);
    }

    private static SyncInstance add(CamelContext context, Instance instance, DataSource dataSource, Clock clock, boolean scheduled)
            throws Exception {
        requireCredential(instance);
        requireNew(context, instance);
        Dialect dialect = prepareWarehouse(instance, dataSource);
        return add(context, instance, dataSource, dialect, Warehouse.url(dataSource), clock, scheduled);
    }

    /**
     * Makes the warehouse behind {@code dataSource} ready for the instance: timestamps stored in UTC (MariaDB),
     * its tables migrated, or with {@code leadfeeder.migrate=false} required at this version.
     */
    public static Dialect prepareWarehouse(Instance instance, DataSource dataSource) {
        Dialect dialect = Dialect.of(dataSource);
        UtcTimestamps.require(dataSource, dialect);
        Tables tables = Tables.of(instance);
        if (instance.settings().warehouse().migrate()) {
            Warehouse.migrate(dataSource, dialect, tables);
        } else {
            Warehouse.requireMigrated(dataSource, dialect, tables, instance.key(SyncSettings.MIGRATE));
        }
        return dialect;
    }

    private static void requireCredential(Instance instance) {
        if (!instance.settings().hasCredential()) {
            throw new ConfigurationException(instance.key(SyncSettings.API_TOKEN), null, "is needed to sync (set LEADFEEDER_API_TOKEN)");
        }
    }

    private static SyncInstance add(CamelContext context, Instance instance, DataSource dataSource, Dialect dialect, String warehouseUrl,
                                    Clock clock, boolean scheduled) throws Exception {
        SyncSettings settings = instance.settings();
        Tables tables = Tables.of(instance);
        SqlStatements sql = new SqlStatements(dialect, tables);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        StopSignal stop = StopOnContextStop.signal(context);
        WarehouseRetry retry = new WarehouseRetry(settings.warehouse().retry(), warehouseUrl, stop);
        CompletedWindows state = new CompletedWindows(dataSource, transactions, sql, retry);
        SyncLock lock = new SyncLock(dataSource, sql, settings.warehouse().lockWait(), clock, retry, stop);
        PageTransaction pageTransaction = new PageTransaction(transactions, lock, retry);
        Map<String, Object> beans = apiBeans(instance, clock, stop);
        ApiChoice choice = (ApiChoice) beans.get("apiChoice");
        beans.put("rowParameterBinding", new RowParameterBinding());
        beans.put("dataSource", dataSource);
        beans.put("syncLock", lock);
        beans.put("pageTransaction", pageTransaction);
        beans.put("completedWindows", state);
        beans.put("windowPlanner", new WindowPlanner(settings.api().startDate(), settings.api().lookbackDays(),
                settings.api().lookbackInterval(), state));
        beans.put("runLog", new RunLog(dataSource, sql, clock, choice,
                new QuotaWatch(dataSource, sql, clock, settings.v1().quotaWarningPercent(), retry), lock, retry));
        beans.put("accountSelection", new AccountSelection(settings.api().accountIds(), settings.api().startDate(), state, choice));
        beans.put("accountOutcomes", new AccountOutcomes());
        beans.put("pageMapper", new PageMapper(new RecordMapper(new ObjectMapper())));
        beans.put("pageReader", new PageReader(context, choice, state, pageTransaction, settings.api().resultCap(), instance, stop));
        beans.put("pageBatches", new PageBatches(sql));
        SyncMetrics metrics = new SyncMetrics(context, new StreamStatus(dataSource, sql), settings.api().startDate(), clock, instance.id());
        beans.put("syncMetrics", metrics);
        SyncProgress progress = new SyncProgress(settings.operations().progressInterval(),
                settings.http().rateLimitRequests(), settings.http().rateLimitWindow(), clock);
        beans.put("syncProgress", progress);
        beans.put("runReport", new RunReport());

        Map<String, String> parameters = apiParameters(instance);
        parameters.put("schedule", settings.schedule().cron());
        parameters.put("schedulerEnabled", String.valueOf(settings.schedule().enabled()));
        parameters.put("statePrefix", tables.statePrefix());
        context.addRoutesConfigurations(new InstanceRouteConfigurations(instance, (RetryWaits) beans.get("retryWaits")));
        addRoutes(context, instance, scheduled ? SYNC_TEMPLATES
                : SYNC_TEMPLATES.stream().filter(template -> !template.equals(SCHEDULER_TEMPLATE)).toList(), parameters, beans);
        addRoutes(context, instance, API_TEMPLATES, parameters, beans);
        // the instance's readiness joins the context's (and a host's health endpoint)
        List<HealthCheck> checks = List.of(new WarehouseHealthCheck(instance.routeId("warehouse"), dataSource),
                new LastSyncHealthCheck(instance.routeId("last-sync"), dataSource, sql, settings.operations().maxSyncAge(), clock));
        HealthCheckRegistry health = HealthCheckRegistry.get(context);
        checks.forEach(health::register);
        if (scheduled) {
            // every leadfeeder_* series from the start (counters at 0, the lag from the state), not from the first run
            context.addStartupListener((started, alreadyStarted) -> metrics.registry());
            ScheduleSettings schedule = settings.schedule();
            if (schedule.enabled() && schedule.syncOnStart() && !schedule.clustered()) { // a cluster's schedule goes on without it
                context.addStartupListener(new SyncOnStart(instance));
            }
        }
        return new SyncInstance(instance, choice, (PageMapper) beans.get("pageMapper"), metrics, progress, checks, stop);
    }

    /** {@link #add(CamelContext, Instance, DataSource, Clock)} on the system clock. */
    public static SyncInstance add(CamelContext context, Instance instance, DataSource dataSource) throws Exception {
        return add(context, instance, dataSource, Clock.systemUTC());
    }

    /**
     * Adds the instance's API routes alone and nothing of the warehouse: the API choice, request
     * building, answers, the HTTP client, pacing and retries. {@code check} talks to the API with these,
     * so it reaches the API without touching the warehouse.
     */
    public static ApiChoice addApi(CamelContext context, Instance instance, Clock clock) throws Exception {
        requireNew(context, instance);
        Map<String, Object> beans = apiBeans(instance, clock, StopOnContextStop.signal(context));
        context.addRoutesConfigurations(new InstanceRouteConfigurations(instance, (RetryWaits) beans.get("retryWaits")));
        addRoutes(context, instance, API_TEMPLATES, apiParameters(instance), beans);
        return (ApiChoice) beans.get("apiChoice");
    }

    private static Map<String, Object> apiBeans(Instance instance, Clock clock, StopSignal stop) {
        SyncSettings settings = instance.settings();
        ObjectMapper json = new ObjectMapper();
        PersonalData personalData = PersonalData.of(PersonalData.Mode.valueOf(settings.personalData().mode().toUpperCase(Locale.ROOT)),
                settings.personalData().key());
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("apiChoice", new ApiChoice(settings.api().generation(),
                new ClassicLeadfeederApi(settings.api().baseUrl(), settings.api().pageSize(), settings.api().resultCap(),
                        new RecordMapper(json, personalData)),
                new V1LeadfeederApi(settings.api().baseUrl(), settings.api().pageSize(), settings.api().resultCap(), settings.v1().monthlyQuota(),
                        new V1RecordMapper(json, personalData))));
        beans.put("requestWriter", new RequestWriter(settings.api().baseUrl()));
        beans.put("apiResponses", new ApiResponses(json, settings.api().baseUrl(), settings.http().maxRateLimitWait(), clock));
        beans.put("httpClient", new LeadfeederHttpClient(settings.api().baseUrl(), settings.api().token(), settings.http().userAgent(),
                settings.http().maxResponse(), instance.key(SyncSettings.MAX_RESPONSE)));
        beans.put("apiPacing", new ApiPacing(
                new RequestPacer(settings.http().rateLimitRequests(), settings.http().rateLimitWindow(), clock, stop),
                new TokenBucketPacer(settings.v1().requestsPerSecond(), settings.v1().burst(), clock, stop), settings.api().baseUrl()));
        beans.put("retryWaits", new RetryWaits(clock, settings.http().rateLimitWindow(), settings.http().maxRateLimitWait(),
                settings.http().backoffInitial(), settings.http().backoffMax(), stop));
        return beans;
    }

    private static Map<String, String> apiParameters(Instance instance) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("routePrefix", instance.namePrefix());
        parameters.put("baseApiUrl", instance.settings().api().baseUrl().toString());
        parameters.put("connectTimeout", String.valueOf(instance.settings().http().connectTimeout().toMillis()));
        parameters.put("responseTimeout", String.valueOf(instance.settings().http().responseTimeout().toMillis()));
        return parameters;
    }

    /** An instance's routes from their templates, which are loaded once per context. */
    private static void addRoutes(CamelContext context, Instance instance, List<String> templates, Map<String, String> parameters,
            Map<String, Object> beans) throws Exception {
        Model model = loadTemplates(context);
        for (String template : templates) {
            TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(context, template)
                    .routeId(instance.routeId(template.substring("leadfeeder-".length())));
            RouteTemplateDefinition definition = model.getRouteTemplateDefinition(template);
            definition.getTemplateParameters().forEach(parameter -> route.parameter(parameter.getName(), parameters.get(parameter.getName())));
            beans.forEach(route::bean);
            route.add();
        }
    }

    private static Model loadTemplates(CamelContext context) throws Exception {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        if (model.getRouteTemplateDefinition("leadfeeder-sync") == null) {
            List<Resource> resources = ROUTE_FILES.stream()
                    .map(file -> ResourceHelper.resolveResource(context, "classpath:" + file))
                    .toList();
            PluginHelper.getRoutesLoader(context).loadRoutes(resources);
        }
        return model;
    }

    /** A second instance of one id would take the first one's routes: refused by name. */
    private static void requireNew(CamelContext context, Instance instance) {
        Model model = context.getCamelContextExtension().getContextPlugin(Model.class);
        if (context.getRoute(instance.routeId("api-call")) != null || model.getRouteDefinition(instance.routeId("api-call")) != null) {
            throw new IllegalStateException("instance " + instance.id() + " is in this CamelContext already (its routes "
                    + instance.routeId("*") + " are there); give each instance its own id");
        }
    }
}
