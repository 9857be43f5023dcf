package org.leadfeedercamel.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.quartz.CronExpression;

/**
 * The connector's `leadfeeder.*` configuration, read once at start and checked key by key, so a bad
 * value stops the program with one line naming it rather than failing half-way through a sync.
 */
public record SyncSettings(
        String apiToken,
        List<String> accountIds,
        URI baseApiUrl,
        LocalDate startDate,
        int pageSize,
        int lookbackDays,
        int resultCap,
        String schedule,
        String dbUrl,
        String dbUser,
        String dbPassword,
        Duration connectTimeout,
        Duration responseTimeout,
        String userAgent,
        Duration rateLimitWindow,
        int rateLimitRequests,
        Duration maxRateLimitWait,
        String tablePrefix,
        int dbPoolSize,
        Duration dbConnectTimeout,
        Duration lockWait,
        Duration maxSyncAge,
        Duration progressInterval,
        boolean clustered,
        Duration clusterCheckinInterval,
        String api,
        int v1RequestsPerSecond,
        int v1Burst,
        int v1MonthlyQuota,
        int v1QuotaWarningPercent) {

    public static final String API_TOKEN = "leadfeeder.api-token";
    public static final String ACCOUNT_ID = "leadfeeder.account-id";
    public static final String BASE_API_URL = "leadfeeder.base-api-url";
    public static final String START_DATE = "leadfeeder.start-date";
    public static final String PAGE_SIZE = "leadfeeder.page-size";
    public static final String LOOKBACK_DAYS = "leadfeeder.lookback-days";
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
    public static final String MAX_SYNC_AGE = "leadfeeder.health.max-sync-age-minutes";
    public static final String PROGRESS_INTERVAL = "leadfeeder.progress-interval-seconds";
    public static final String CLUSTERED = "leadfeeder.cluster.enabled";
    public static final String CLUSTER_CHECKIN = "leadfeeder.cluster.checkin-interval-ms";
    public static final String API = "leadfeeder.api";
    public static final String V1_REQUESTS_PER_SECOND = "leadfeeder.v1.rate-limit.requests-per-second";
    public static final String V1_BURST = "leadfeeder.v1.rate-limit.burst";
    public static final String V1_MONTHLY_QUOTA = "leadfeeder.v1.monthly-quota";
    public static final String V1_QUOTA_WARNING = "leadfeeder.v1.quota-warning-percent";

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
        return !hasCredential() && DEFAULT_DB_URL.equals(dbUrl) && URI.create(DEFAULT_BASE_API_URL).equals(baseApiUrl);
    }

    /** Whether a token (or key) is configured. */
    public boolean hasCredential() {
        return apiToken != null && !apiToken.isBlank();
    }

    /** A sync needs the credential unless it is a demo; without one it stops before anything is written. */
    public void requireCredential() {
        if (hasCredential() || demo()) {
            return;
        }
        String configured = !DEFAULT_DB_URL.equals(dbUrl) ? DB_URL + " is " + JdbcUrls.withoutPassword(dbUrl)
                : BASE_API_URL + " is " + baseApiUrl;
        throw new ConfigurationException(API_TOKEN, null, "is needed: " + configured
                + ", so this is no demo (demo mode runs only with the default warehouse and API); set LEADFEEDER_API_TOKEN");
    }

    /** Reads and checks every key; {@code lookup} answers a key's value, or empty when it is not set. */
    public static SyncSettings read(Function<String, Optional<String>> lookup) {
        Reader r = new Reader(lookup);
        // keys only the routes' placeholders use, checked here so a bad value fails at start, not mid-run
        r.integer("leadfeeder.http.retries", "4", 0, 20);
        r.integer("leadfeeder.http.backoff-initial-ms", "1000", 1, 600_000);
        r.integer("leadfeeder.http.backoff-max-ms", "30000", 1, 3_600_000);
        r.integer("leadfeeder.http.rate-limit-retries", "10", 0, 100);
        r.bool("leadfeeder.scheduler-enabled", "true");
        return new SyncSettings(
                r.text(API_TOKEN, null),
                r.list(ACCOUNT_ID),
                r.url(BASE_API_URL, DEFAULT_BASE_API_URL),
                r.date(START_DATE, "2024-01-01"),
                r.integer(PAGE_SIZE, "100", 1, 100),
                r.integer(LOOKBACK_DAYS, "3", 0, 366),
                r.integer(RESULT_CAP, "10000", 1, Integer.MAX_VALUE),
                r.cron(SCHEDULE, "0 0 * * * ?"),
                r.jdbcUrl(DB_URL, DEFAULT_DB_URL),
                r.text(DB_USER, null),
                r.text(DB_PASSWORD, null),
                Duration.ofMillis(r.integer(CONNECT_TIMEOUT, "10000", 1, 600_000)),
                Duration.ofMillis(r.integer(RESPONSE_TIMEOUT, "60000", 1, 600_000)),
                r.text(USER_AGENT, "leadfeeder-camel"),
                Duration.ofSeconds(r.integer(RATE_LIMIT_WINDOW, "60", 1, 3600)),
                r.integer(RATE_LIMIT_REQUESTS, "100", 0, 1_000_000),
                Duration.ofSeconds(r.integer(MAX_RATE_LIMIT_WAIT, "120", 1, 3600)),
                r.identifier(TABLE_PREFIX, DEFAULT_TABLE_PREFIX),
                r.integer(DB_POOL_SIZE, "4", 2, 100),
                Duration.ofMillis(r.integer(DB_CONNECT_TIMEOUT, "10000", 250, 600_000)),
                Duration.ofSeconds(r.integer(LOCK_WAIT, "0", 0, 86_400)),
                Duration.ofMinutes(r.integer(MAX_SYNC_AGE, "180", 1, 525_600)),
                Duration.ofSeconds(r.integer(PROGRESS_INTERVAL, "30", 1, 86_400)),
                r.bool(CLUSTERED, "false"),
                Duration.ofMillis(r.integer(CLUSTER_CHECKIN, "7500", 1000, 600_000)),
                r.oneOf(API, "auto", API_CHOICES),
                r.integer(V1_REQUESTS_PER_SECOND, "10", 0, 10_000),
                r.integer(V1_BURST, "15", 1, 10_000),
                r.integer(V1_MONTHLY_QUOTA, "100000", 1, Integer.MAX_VALUE),
                r.integer(V1_QUOTA_WARNING, "80", 1, 100));
    }

    /** The same settings pointing at another API, for demo mode. */
    public SyncSettings withApi(URI url, String token) {
        return new SyncSettings(token, accountIds, url, startDate, pageSize, lookbackDays, resultCap, schedule, dbUrl,
                dbUser, dbPassword, connectTimeout, responseTimeout, userAgent, rateLimitWindow, rateLimitRequests, maxRateLimitWait, tablePrefix,
                dbPoolSize, dbConnectTimeout, lockWait, maxSyncAge, progressInterval, clustered, clusterCheckinInterval, api,
                v1RequestsPerSecond, v1Burst, v1MonthlyQuota, v1QuotaWarningPercent);
    }

    /** Never prints the token or the database password. */
    @Override
    public String toString() {
        return "SyncSettings[api=" + api + ", accounts=" + (accountIds.isEmpty() ? "all" : accountIds) + ", baseApiUrl=" + baseApiUrl
                + ", startDate=" + startDate + ", pageSize=" + pageSize + ", lookbackDays=" + lookbackDays
                + ", schedule=" + schedule + ", db=" + JdbcUrls.withoutPassword(dbUrl)
                + ", tablePrefix=" + tablePrefix + "]";
    }

    private record Reader(Function<String, Optional<String>> lookup) {

        String raw(String key, String fallback) {
            return lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(fallback);
        }

        String text(String key, String fallback) {
            return raw(key, fallback);
        }

        List<String> list(String key) {
            String value = raw(key, "");
            List<String> ids = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            for (String id : ids) {
                if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
                    throw new ConfigurationException(key, value, "is not a comma-separated list of account ids");
                }
            }
            return ids;
        }

        URI url(String key, String fallback) {
            String value = raw(key, fallback);
            try {
                URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new ConfigurationException(key, value, "is not an http(s) URL with a host");
                }
                if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                    throw new ConfigurationException(key, value, "must be a base URL without credentials, query or fragment");
                }
                return uri;
            } catch (java.net.URISyntaxException e) {
                throw new ConfigurationException(key, value, "is not a URL");
            }
        }

        LocalDate date(String key, String fallback) {
            String value = raw(key, fallback);
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new ConfigurationException(key, value, "is not a date (YYYY-MM-DD)");
            }
        }

        int integer(String key, String fallback, int min, int max) {
            String value = raw(key, fallback);
            try {
                int number = Integer.parseInt(value);
                if (number < min || number > max) {
                    throw new ConfigurationException(key, value, "is not between " + min + " and " + max);
                }
                return number;
            } catch (NumberFormatException e) {
                throw new ConfigurationException(key, value, "is not a whole number");
            }
        }

        String oneOf(String key, String fallback, List<String> allowed) {
            String value = raw(key, fallback);
            if (!allowed.contains(value)) {
                throw new ConfigurationException(key, value, "is not one of " + String.join(", ", allowed));
            }
            return value;
        }

        boolean bool(String key, String fallback) {
            String value = raw(key, fallback);
            if (!value.equals("true") && !value.equals("false")) {
                throw new ConfigurationException(key, value, "is not true or false");
            }
            return Boolean.parseBoolean(value);
        }

        String cron(String key, String fallback) {
            String value = raw(key, fallback);
            if (!CronExpression.isValidExpression(value)) {
                throw new ConfigurationException(key, value, "is not a Quartz cron expression (e.g. '0 0 * * * ?')");
            }
            return value;
        }

        /** A table-name prefix: lower-case letters, digits and underscores, so it needs no quoting anywhere. */
        String identifier(String key, String fallback) {
            String value = lookup.apply(key).map(String::trim).orElse(fallback);
            if (!value.matches("[a-z_][a-z0-9_]{0,39}")) {
                throw new ConfigurationException(key, value,
                        "is not a table-name prefix (lower-case letters, digits and _, at most 40, not starting with a digit)");
            }
            return value;
        }

        String jdbcUrl(String key, String fallback) {
            String value = raw(key, fallback);
            if (!value.startsWith("jdbc:")) {
                throw new ConfigurationException(key, value, "is not a JDBC URL (jdbc:h2:..., jdbc:postgresql:..., jdbc:mariadb:...)");
            }
            return value;
        }
    }
}
