package org.leadfeedercamel.config;

import static org.leadfeedercamel.config.ConfigurationKeys.*;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The connector's {@code leadfeeder.*} configuration, read once at start and checked key by key (each
 * key is one {@link Field} of {@link ConfigurationKeys}), so a bad value stops the program with one
 * line naming it rather than failing half-way through a sync. Grouped by concern; each part of the
 * sync takes the group, or the values, it uses.
 */
public record SyncSettings(ApiSettings api, V1Settings v1, HttpSettings http, WarehouseSettings warehouse,
                           ScheduleSettings schedule, OperationsSettings operations, PersonalDataSettings personalData) {

    public static final String API_TOKEN = "leadfeeder.api-token";
    public static final String ACCOUNT_ID = "leadfeeder.account-id";
    public static final String BASE_API_URL = "leadfeeder.base-api-url";
    public static final String START_DATE = "leadfeeder.start-date";
    public static final String PAGE_SIZE = "leadfeeder.page-size";
    public static final String LOOKBACK_DAYS = "leadfeeder.lookback-days";
    public static final String LOOKBACK_INTERVAL = "leadfeeder.lookback-interval";
    public static final String RESULT_CAP = "leadfeeder.result-cap";
    public static final String SCHEDULE = "leadfeeder.schedule";
    public static final String DB_URL = "leadfeeder.db-url";
    public static final String DB_USER = "leadfeeder.db-user";
    public static final String DB_PASSWORD = "leadfeeder.db-password";
    public static final String CONNECT_TIMEOUT = "leadfeeder.http.connect-timeout-ms";
    public static final String RESPONSE_TIMEOUT = "leadfeeder.http.response-timeout-ms";
    public static final String USER_AGENT = "leadfeeder.http.user-agent";
    public static final String RATE_LIMIT_WINDOW = "leadfeeder.rate-limit.window-seconds";
    public static final String RATE_LIMIT_REQUESTS = "leadfeeder.rate-limit.requests-per-window";
    public static final String MAX_RATE_LIMIT_WAIT = "leadfeeder.http.max-rate-limit-wait-seconds";
    public static final String TABLE_PREFIX = "leadfeeder.table-prefix";
    public static final String DB_POOL_SIZE = "leadfeeder.db-pool-size";
    public static final String DB_CONNECT_TIMEOUT = "leadfeeder.db-connect-timeout-ms";
    public static final String LOCK_WAIT = "leadfeeder.db-lock-wait-seconds";
    public static final String DB_RETRY_MAX_ATTEMPTS = "leadfeeder.db-retry.max-attempts";
    public static final String DB_RETRY_INITIAL_DELAY = "leadfeeder.db-retry.initial-delay-ms";
    public static final String DB_RETRY_MAX_DELAY = "leadfeeder.db-retry.max-delay-ms";
    public static final String DATA_SOURCE = "leadfeeder.data-source";
    public static final String MIGRATE = "leadfeeder.migrate";
    public static final String MAX_SYNC_AGE = "leadfeeder.health.max-sync-age-minutes";
    public static final String PROGRESS_INTERVAL = "leadfeeder.progress-interval-seconds";
    public static final String CLUSTERED = "leadfeeder.cluster.enabled";
    public static final String CLUSTER_CHECKIN = "leadfeeder.cluster.checkin-interval-ms";
    public static final String API = "leadfeeder.api";
    public static final String V1_REQUESTS_PER_SECOND = "leadfeeder.v1.rate-limit.requests-per-second";
    public static final String V1_BURST = "leadfeeder.v1.rate-limit.burst";
    public static final String V1_MONTHLY_QUOTA = "leadfeeder.v1.monthly-quota";
    public static final String V1_QUOTA_WARNING = "leadfeeder.v1.quota-warning-percent";
    public static final String SCHEDULER_ENABLED = "leadfeeder.scheduler-enabled";
    public static final String SYNC_ON_START = "leadfeeder.sync-on-start";
    public static final String RETRIES = "leadfeeder.http.retries";
    public static final String BACKOFF_INITIAL = "leadfeeder.http.backoff-initial-ms";
    public static final String BACKOFF_MAX = "leadfeeder.http.backoff-max-ms";
    public static final String RATE_LIMIT_RETRIES = "leadfeeder.http.rate-limit-retries";
    public static final String MAX_RESPONSE = "leadfeeder.http.max-response-mb";
    public static final String PERSONAL_DATA = "leadfeeder.personal-data";
    public static final String PERSONAL_DATA_KEY = "leadfeeder.personal-data-key";

    /** {@link #API}: which Leadfeeder API the credential is for; auto asks /v1 first. */
    public static final List<String> API_CHOICES = List.of("auto", "classic", "v1");

    /** The embedded H2 file the runner writes to when no warehouse is configured. */
    public static final String DEFAULT_DB_URL = "jdbc:h2:file:./data/leadfeeder";
    public static final String DEFAULT_BASE_API_URL = "https://api.leadfeeder.com";
    public static final String DEFAULT_TABLE_PREFIX = "raw_leadfeeder__";

    /**
     * Demo mode: no token, and nothing pointing at a real system (the default warehouse and API), so the
     * built-in simulator can stand in for the API. A token that failed to mount beside a configured
     * warehouse must not fill that warehouse with demo rows.
     */
    public boolean demo() {
        return !hasCredential() && DEFAULT_DB_URL.equals(warehouse.url()) && URI.create(DEFAULT_BASE_API_URL).equals(api.baseUrl());
    }

    /** Whether a token (or key) is configured. */
    public boolean hasCredential() {
        return api.token() != null && !api.token().isBlank();
    }

    /** A sync needs the credential unless it is a demo; without one it stops before anything is written. */
    public void requireCredential() {
        if (hasCredential() || demo()) {
            return;
        }
        String configured = !DEFAULT_DB_URL.equals(warehouse.url()) ? DB_URL + " is " + JdbcUrls.withoutPassword(warehouse.url())
                : BASE_API_URL + " is " + api.baseUrl();
        throw new ConfigurationException(API_TOKEN, null, "is needed: " + configured
                + ", so this is no demo (demo mode runs only with the default warehouse and API); set LEADFEEDER_API_TOKEN");
    }

    /** Reads and checks every key; {@code lookup} answers a key's value, or empty when it is not set. */
    public static SyncSettings read(Function<String, Optional<String>> lookup) {
        return new SyncSettings(
                new ApiSettings(API_TOKEN_FIELD.read(lookup), API_FIELD.read(lookup), ACCOUNT_ID_FIELD.read(lookup),
                        BASE_API_URL_FIELD.read(lookup), START_DATE_FIELD.read(lookup), PAGE_SIZE_FIELD.read(lookup),
                        LOOKBACK_DAYS_FIELD.read(lookup), LOOKBACK_INTERVAL_FIELD.read(lookup), RESULT_CAP_FIELD.read(lookup)),
                new V1Settings(V1_REQUESTS_PER_SECOND_FIELD.read(lookup), V1_BURST_FIELD.read(lookup),
                        V1_MONTHLY_QUOTA_FIELD.read(lookup), V1_QUOTA_WARNING_FIELD.read(lookup)),
                new HttpSettings(CONNECT_TIMEOUT_FIELD.read(lookup), RESPONSE_TIMEOUT_FIELD.read(lookup), USER_AGENT_FIELD.read(lookup),
                        RETRIES_FIELD.read(lookup), BACKOFF_INITIAL_FIELD.read(lookup), BACKOFF_MAX_FIELD.read(lookup),
                        RATE_LIMIT_RETRIES_FIELD.read(lookup), MAX_RATE_LIMIT_WAIT_FIELD.read(lookup),
                        RATE_LIMIT_REQUESTS_FIELD.read(lookup), RATE_LIMIT_WINDOW_FIELD.read(lookup), MAX_RESPONSE_FIELD.read(lookup)),
                new WarehouseSettings(DB_URL_FIELD.read(lookup), DB_USER_FIELD.read(lookup), DB_PASSWORD_FIELD.read(lookup),
                        TABLE_PREFIX_FIELD.read(lookup), DB_POOL_SIZE_FIELD.read(lookup), DB_CONNECT_TIMEOUT_FIELD.read(lookup),
                        LOCK_WAIT_FIELD.read(lookup), DATA_SOURCE_FIELD.read(lookup), MIGRATE_FIELD.read(lookup),
                        new DbRetrySettings(DB_RETRY_MAX_ATTEMPTS_FIELD.read(lookup), DB_RETRY_INITIAL_DELAY_FIELD.read(lookup),
                                DB_RETRY_MAX_DELAY_FIELD.read(lookup))),
                new ScheduleSettings(SCHEDULE_FIELD.read(lookup), SCHEDULER_ENABLED_FIELD.read(lookup), SYNC_ON_START_FIELD.read(lookup),
                        CLUSTERED_FIELD.read(lookup), CLUSTER_CHECKIN_FIELD.read(lookup)),
                new OperationsSettings(PROGRESS_INTERVAL_FIELD.read(lookup), MAX_SYNC_AGE_FIELD.read(lookup)),
                new PersonalDataSettings(PERSONAL_DATA_FIELD.read(lookup), PERSONAL_DATA_KEY_FIELD.read(lookup)));
    }

    /** The same settings pointing at another API, for demo mode. */
    public SyncSettings withApi(URI url, String token) {
        return new SyncSettings(new ApiSettings(token, api.generation(), api.accountIds(), url, api.startDate(), api.pageSize(),
                api.lookbackDays(), api.lookbackInterval(), api.resultCap()), v1, http, warehouse, schedule, operations, personalData);
    }

    /** The same settings with the schedule's trigger on or off ({@code run}, or a one-off command). */
    public SyncSettings withSchedulerEnabled(boolean enabled) {
        return new SyncSettings(api, v1, http, warehouse, new ScheduleSettings(schedule.cron(), enabled, schedule.syncOnStart(),
                schedule.clustered(), schedule.checkinInterval()), operations, personalData);
    }

    /** What {@code check} says it read; never the credential or the database password. */
    @Override
    public String toString() {
        return "SyncSettings[api=" + api.generation() + ", accounts=" + (api.accountIds().isEmpty() ? "all" : api.accountIds())
                + ", baseApiUrl=" + api.baseUrl() + ", startDate=" + api.startDate() + ", pageSize=" + api.pageSize()
                + ", lookbackDays=" + api.lookbackDays() + ", lookbackInterval=" + api.lookbackInterval() + ", schedule=" + schedule.cron()
                + ", db=" + JdbcUrls.withoutPassword(warehouse.url()) + ", tablePrefix=" + warehouse.tablePrefix() + ", personalData=" + personalData.mode() + "]";
    }
}
