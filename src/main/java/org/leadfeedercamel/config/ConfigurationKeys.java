package org.leadfeedercamel.config;

import static org.leadfeedercamel.config.SyncSettings.*;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Every configuration key, each described once ({@link Field}), in the sections of
 * {@code application.properties}: the settings read them, {@link ConfigurationFile} writes the file
 * from them. {@code camel.*} keys are Camel's own: described here with the values this runner gives
 * them, read by Camel Main.
 */
public final class ConfigurationKeys {

    /** A titled group of keys, one concern each. */
    public record Section(String title, List<Field<?>> fields) {
    }

    // Leadfeeder API
    public static final Field<String> API_TOKEN_FIELD = Field.of(API_TOKEN, null, Checks.text(),
            "API credential: a classic API token or a /v1 API key (Settings > Personal > API Keys). Empty: demo mode",
            "against the built-in simulator, but only with the default warehouse and API; with leadfeeder.db-url or",
            "leadfeeder.base-api-url set, an empty one is a configuration error. Set it through the environment",
            "(LEADFEEDER_API_TOKEN), never in this file.");
    public static final Field<String> API_FIELD = Field.of(API, "auto", Checks.oneOf(API_CHOICES),
            "Which API the credential is for: classic ('Authorization: Token token=...', /accounts/...), v1 (the unified",
            "API, 'X-Api-Key', /v1/...; the only credential Leadfeeder issues now) or auto: the first run asks",
            "GET /v1/accounts with it, uses /v1 when that answers and the classic API when the key is refused, and logs which.");
    public static final Field<List<String>> ACCOUNT_ID_FIELD = Field.of(ACCOUNT_ID, "", Checks.accountIds(),
            "Account ids to sync, comma-separated; empty = every account the token can see.");
    public static final Field<URI> BASE_API_URL_FIELD = Field.of(BASE_API_URL, DEFAULT_BASE_API_URL, Checks.baseUrl(),
            "Base URL of the API; links.next must stay on it.");
    public static final Field<LocalDate> START_DATE_FIELD = Field.of(START_DATE, "2024-01-01", Checks.date(),
            "First day of the first sync (account-local date); later runs continue from the state.");
    public static final Field<Integer> PAGE_SIZE_FIELD = Field.of(PAGE_SIZE, "100", Checks.integer(1, 100),
            "Records per page, 1..100.");
    public static final Field<Integer> LOOKBACK_DAYS_FIELD = Field.of(LOOKBACK_DAYS, "3", Checks.integer(0, 366),
            "Days re-read (Leadfeeder identifies visits and companies late), including today.");
    public static final Field<Duration> LOOKBACK_INTERVAL_FIELD = Field.of(LOOKBACK_INTERVAL, "24",
            Checks.duration(ChronoUnit.HOURS, 0, 8784),
            "Hours between two re-reads of the lookback days before today; today is read on every run. A visit",
            "identified late is caught within this long; 0 re-reads them on every run (on /v1, most of an hourly",
            "schedule's quota).");
    public static final Field<Integer> RESULT_CAP_FIELD = Field.of(RESULT_CAP, "10000", Checks.integer(1, Integer.MAX_VALUE),
            "Results one query can reach on the API; a window whose last page reaches it (classic) or whose total",
            "exceeds it (/v1) is split, and so is a /v1 window answered 416 offset_exceeded.");

    // Unified API (/v1)
    public static final Field<Integer> V1_REQUESTS_PER_SECOND_FIELD = Field.of(V1_REQUESTS_PER_SECOND, "10", Checks.integer(0, 10_000),
            "Its limit per key: 10 requests a second with bursts of 15. Requests are paced to stay inside it (one of",
            "the burst kept in reserve); 0 requests per second turns pacing off. A 429 without Retry-After waits 1 s.");
    public static final Field<Integer> V1_BURST_FIELD = Field.of(V1_BURST, "15", Checks.integer(1, 10_000));
    public static final Field<Integer> V1_MONTHLY_QUOTA_FIELD = Field.of(V1_MONTHLY_QUOTA, "100000", Checks.integer(1, Integer.MAX_VALUE),
            "Requests a key may make per calendar month (UTC). The run log records this connector's count so far",
            "(api_quota_used) and warns from this share on, or when the month's pace would spend it before it resets.");
    public static final Field<Integer> V1_QUOTA_WARNING_FIELD = Field.of(V1_QUOTA_WARNING, "80", Checks.integer(1, 100));

    // Schedule
    public static final Field<String> SCHEDULE_FIELD = Field.of(SCHEDULE, "0 0 * * * ?", Checks.cron(),
            "Quartz cron expression; runs never overlap.");
    public static final Field<Boolean> SCHEDULER_ENABLED_FIELD = Field.of(SCHEDULER_ENABLED, "true", Checks.bool(),
            "Whether the Quartz trigger route starts ('once' and 'backfill' turn it off).");
    public static final Field<Boolean> SYNC_ON_START_FIELD = Field.of(SYNC_ON_START, "true", Checks.bool(),
            "Whether 'run' (and a host with the trigger on) syncs once as it starts, through the same Quartz job, so it",
            "never overlaps a scheduled run; then on the schedule. A clustered node does not: the cluster's schedule goes on.");

    // HTTP
    public static final Field<Duration> CONNECT_TIMEOUT_FIELD = Field.of(CONNECT_TIMEOUT, "10000",
            Checks.duration(ChronoUnit.MILLIS, 1, 600_000),
            "Timeouts of a request to the API, in milliseconds: to connect (and to get a pooled connection), then for the answer.");
    public static final Field<Duration> RESPONSE_TIMEOUT_FIELD = Field.of(RESPONSE_TIMEOUT, "60000",
            Checks.duration(ChronoUnit.MILLIS, 1, 600_000));
    public static final Field<String> USER_AGENT_FIELD = Field.of(USER_AGENT, "leadfeeder-camel", Checks.text(),
            "The User-Agent header of every request.");
    public static final Field<Integer> RETRIES_FIELD = Field.of(RETRIES, "4", Checks.integer(0, 20),
            "Retries after the first attempt on 5xx, timeouts, resets and malformed bodies (4 = 5 attempts).");
    public static final Field<Duration> BACKOFF_INITIAL_FIELD = Field.of(BACKOFF_INITIAL, "1000",
            Checks.duration(ChronoUnit.MILLIS, 1, 600_000),
            "Exponential backoff between those attempts: first delay and cap.");
    public static final Field<Duration> BACKOFF_MAX_FIELD = Field.of(BACKOFF_MAX, "30000", Checks.duration(ChronoUnit.MILLIS, 1, 3_600_000));
    public static final Field<Integer> RATE_LIMIT_RETRIES_FIELD = Field.of(RATE_LIMIT_RETRIES, "10", Checks.integer(0, 100),
            "How often a request answered 429 is tried again, and the longest single wait the API may ask for",
            "(Retry-After on a 429, or on a 5xx such as a 503 during maintenance).");
    public static final Field<Duration> MAX_RATE_LIMIT_WAIT_FIELD = Field.of(MAX_RATE_LIMIT_WAIT, "120",
            Checks.duration(ChronoUnit.SECONDS, 1, 3600));
    public static final Field<Integer> RATE_LIMIT_REQUESTS_FIELD = Field.of(RATE_LIMIT_REQUESTS, "100", Checks.integer(0, 1_000_000),
            "The API's rate limit: requests per token per fixed calendar window (100 per minute). Requests are paced",
            "to stay inside it, shared by every account and stream; 0 turns pacing off. Without Retry-After a 429",
            "waits for the next window.");
    public static final Field<Duration> RATE_LIMIT_WINDOW_FIELD = Field.of(RATE_LIMIT_WINDOW, "60", Checks.duration(ChronoUnit.SECONDS, 1, 3600));
    public static final Field<DataSize> MAX_RESPONSE_FIELD = Field.of(MAX_RESPONSE, "32", Checks.megabytes(1, 1024),
            "The largest answer read, in MB (a real page of 100 records is about 170 KB): a larger body fails its page",
            "(and its account) once this much is read, without retries, instead of filling the heap. A page is parsed",
            "as it arrives into about 3.5 times its size in objects: 32 MB stays well inside a 256 MB heap.");

    // Warehouse
    public static final Field<String> DB_URL_FIELD = Field.of(DB_URL, DEFAULT_DB_URL, Checks.jdbcUrl(),
            "JDBC URL; the default is an embedded H2 file under ./data, which other processes of this machine",
            "(status beside run) reach through H2's AUTO_SERVER. MariaDB connections convert and store in UTC.");
    public static final Field<String> DB_USER_FIELD = Field.of(DB_USER, null, Checks.text(),
            "Credentials: set them through LEADFEEDER_DB_USER / LEADFEEDER_DB_PASSWORD.");
    public static final Field<String> DB_PASSWORD_FIELD = Field.of(DB_PASSWORD, null, Checks.text());
    public static final Field<String> TABLE_PREFIX_FIELD = Field.of(TABLE_PREFIX, DEFAULT_TABLE_PREFIX, Checks.identifier(),
            "Prefix of the data tables (raw_leadfeeder__visits, ...): lower-case letters, digits and _. A new prefix on",
            "an existing warehouse gets its own tables and state, filled from the start date.");
    public static final Field<Integer> DB_POOL_SIZE_FIELD = Field.of(DB_POOL_SIZE, "4", Checks.integer(2, 100),
            "Connections in the warehouse pool (HikariCP); a sync holds one for its lock and uses one or two more.");
    public static final Field<Duration> DB_CONNECT_TIMEOUT_FIELD = Field.of(DB_CONNECT_TIMEOUT, "10000",
            Checks.duration(ChronoUnit.MILLIS, 250, 600_000),
            "How long to wait for a warehouse connection (also at start: an unreachable database fails after this).");
    public static final Field<Duration> LOCK_WAIT_FIELD = Field.of(LOCK_WAIT, "0", Checks.duration(ChronoUnit.SECONDS, 0, 86_400),
            "How long a run waits for another sync on the same warehouse (schema, or MariaDB database) to finish;",
            "0 = stop at once with a message.");
    public static final Field<Integer> DB_RETRY_MAX_ATTEMPTS_FIELD = Field.of(DB_RETRY_MAX_ATTEMPTS, "6", Checks.integer(1, 100),
            "A warehouse step of a run (a page's transaction, a run log or state read or write, the sync lock) that lost",
            "its connection (the server restarting or going away; never a constraint or data error) is tried again on a",
            "new one: up to this many attempts in all (1 = never again), waiting initial-delay-ms, doubling up to",
            "max-delay-ms, between them. The defaults wait 1+2+4+8+15 s, so a restart of 30 s and more is ridden out",
            "(each attempt may also wait leadfeeder.db-connect-timeout-ms for a connection).");
    public static final Field<Duration> DB_RETRY_INITIAL_DELAY_FIELD = Field.of(DB_RETRY_INITIAL_DELAY, "1000",
            Checks.duration(ChronoUnit.MILLIS, 1, 600_000));
    public static final Field<Duration> DB_RETRY_MAX_DELAY_FIELD = Field.of(DB_RETRY_MAX_DELAY, "15000",
            Checks.duration(ChronoUnit.MILLIS, 1, 3_600_000));

    public static final Field<String> DATA_SOURCE_FIELD = Field.of(DATA_SOURCE, null, Checks.text(),
            "Embedded in a host (Spring Boot, Camel Main): the name of the host's DataSource bean to sync into instead of",
            "leadfeeder.db-url. In Spring Boot an instance with neither uses the host's own DataSource.");
    public static final Field<Boolean> MIGRATE_FIELD = Field.of(MIGRATE, "true", Checks.bool(),
            "Whether a start applies the sync's migrations (Flyway, its own history tables; never the host's). false: the",
            "host applies the SQL shipped in the jar (db/shared-state, db/instance-state, db/tables) with its own tool,",
            "and a start only checks the tables are at this version.");

    // Operations
    public static final Field<Duration> PROGRESS_INTERVAL_FIELD = Field.of(PROGRESS_INTERVAL, "30",
            Checks.duration(ChronoUnit.SECONDS, 1, 86_400),
            "A long sync logs its progress (account, stream, window, pages, rows, time left) at most this often.");
    public static final Field<Duration> MAX_SYNC_AGE_FIELD = Field.of(MAX_SYNC_AGE, "180", Checks.duration(ChronoUnit.MINUTES, 1, 525_600),
            "Readiness is DOWN when the last successful sync ended longer ago than this (3 hourly runs by default).");
    public static final Field<Boolean> CLUSTERED_FIELD = Field.of(CLUSTERED, "false", Checks.bool(),
            "Clustered scheduling: every `run` node on one PostgreSQL or MariaDB warehouse shares the schedule through",
            "Quartz's JDBC job store there (in the first instance's warehouse; each instance is a job of its own); each fire",
            "runs on exactly one node, a stopping node takes no more fires, and a dead node's triggers are taken over.");
    public static final Field<Duration> CLUSTER_CHECKIN_FIELD = Field.of(CLUSTER_CHECKIN, "7500",
            Checks.duration(ChronoUnit.MILLIS, 1000, 600_000),
            "How often a node checks in; a node silent for about twice this long is taken for dead.");

    public static final Field<String> PERSONAL_DATA_FIELD = Field.of(PERSONAL_DATA, "keep", Checks.oneOf(PersonalDataSettings.MODES),
            "The values that identify a person: visitor_email, visitor_first_name, visitor_last_name (classic) and every",
            "value of the /v1 visitor block. keep: as the API sends them; hash: a keyed SHA-256 (HMAC, hex) with",
            "leadfeeder.personal-data-key, so equal values stay joinable and none can be looked up without the key;",
            "drop: NULL. Their copies in _extra and in leadfeeder_rejected_records follow the same policy.");
    public static final Field<String> PERSONAL_DATA_KEY_FIELD = Field.of(PERSONAL_DATA_KEY, null, Checks.text(),
            "The secret that keys the hash (at least 16 characters), needed with leadfeeder.personal-data=hash and never",
            "logged. The same key gives the same hashes; a new key gives new ones. Set it through the environment",
            "(LEADFEEDER_PERSONAL_DATA_KEY), never in this file.");

    public static final List<Section> SECTIONS = List.of(
            new Section("Leadfeeder API", List.of(API_TOKEN_FIELD, API_FIELD, ACCOUNT_ID_FIELD, BASE_API_URL_FIELD,
                    START_DATE_FIELD, PAGE_SIZE_FIELD, LOOKBACK_DAYS_FIELD, LOOKBACK_INTERVAL_FIELD, RESULT_CAP_FIELD)),
            new Section("Personal data", List.of(PERSONAL_DATA_FIELD, PERSONAL_DATA_KEY_FIELD)),
            new Section("Unified API (/v1)", List.of(V1_REQUESTS_PER_SECOND_FIELD, V1_BURST_FIELD,
                    V1_MONTHLY_QUOTA_FIELD, V1_QUOTA_WARNING_FIELD)),
            new Section("Schedule (the 'run' command)", List.of(SCHEDULE_FIELD, SCHEDULER_ENABLED_FIELD, SYNC_ON_START_FIELD)),
            new Section("HTTP", List.of(CONNECT_TIMEOUT_FIELD, RESPONSE_TIMEOUT_FIELD, USER_AGENT_FIELD, RETRIES_FIELD,
                    BACKOFF_INITIAL_FIELD, BACKOFF_MAX_FIELD, RATE_LIMIT_RETRIES_FIELD, MAX_RATE_LIMIT_WAIT_FIELD,
                    RATE_LIMIT_REQUESTS_FIELD, RATE_LIMIT_WINDOW_FIELD, MAX_RESPONSE_FIELD)),
            new Section("Warehouse", List.of(DB_URL_FIELD, DB_USER_FIELD, DB_PASSWORD_FIELD, TABLE_PREFIX_FIELD,
                    DB_POOL_SIZE_FIELD, DB_CONNECT_TIMEOUT_FIELD, LOCK_WAIT_FIELD, DB_RETRY_MAX_ATTEMPTS_FIELD,
                    DB_RETRY_INITIAL_DELAY_FIELD, DB_RETRY_MAX_DELAY_FIELD, DATA_SOURCE_FIELD, MIGRATE_FIELD)),
            new Section("Operations", List.of(PROGRESS_INTERVAL_FIELD, MAX_SYNC_AGE_FIELD, CLUSTERED_FIELD,
                    CLUSTER_CHECKIN_FIELD,
                    camel("camel.management.enabled", "true",
                            "`run` serves health and Prometheus metrics over HTTP on Camel's management server (`once` and the other",
                            "commands never open a port): /observe/health (liveness and readiness: warehouse, last sync, routes)",
                            "and /observe/metrics (leadfeeder_* plus Camel's own route metrics)."),
                    camel("camel.management.port", "9876"),
                    camel("camel.management.host", "0.0.0.0"),
                    camel("camel.management.healthCheckEnabled", "true"),
                    camel("camel.management.metricsEnabled", "true"),
                    camel("camel.metrics.enabled", "true"),
                    camel("camel.metrics.enableRoutePolicy", "true",
                            "the route metrics are Camel's; the sync's own counters and gauges are named leadfeeder_*"),
                    camel("camel.main.jmxEnabled", "true",
                            "JMX: the routes, the sync's beans and Camel's statistics as MBeans (jconsole, Jolokia agents)"))),
            new Section("Camel", List.of(camel("camel.main.name", "leadfeeder-camel"),
                    camel("camel.main.shutdownTimeout", "5",
                            "Seconds Camel waits for in-flight work when it stops. SIGTERM or SIGINT first asks each run to stop at its",
                            "next page (recorded as stopped, resumed by the next run); the process exits within 10 s, 143 or 130."))));

    private ConfigurationKeys() {
    }

    /** One of Camel's own keys, with the value this runner gives it. */
    private static Field<String> camel(String name, String value, String... doc) {
        return Field.of(name, value, Checks.text(), doc);
    }
}
