package org.leadfeedercamel.state;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.leadfeedercamel.api.ApiChoice;
import org.leadfeedercamel.api.ApiGeneration;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.mapping.PageRows;
import org.leadfeedercamel.sql.SqlStatements;
import org.leadfeedercamel.sync.SyncProperties;
import org.leadfeedercamel.sync.SyncRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The run log {@code leadfeeder_sync_runs}: a row when a run starts, its figures when it ends. */
public final class RunLog {

    private static final Logger LOG = LoggerFactory.getLogger(RunLog.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlStatements sql;
    private final Clock clock;
    private final ApiChoice choice;
    private final SyncSettings settings;

    /** This process, as the run log names it: {@code pid@host}. */
    public static final String NODE = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();

    public RunLog(DataSource dataSource, SqlStatements sql, Clock clock, ApiChoice choice, SyncSettings settings) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.sql = sql;
        this.clock = clock;
        this.choice = choice;
        this.settings = settings;
    }

    /** Starts the run in the body, or an incremental one when the trigger sent none. */
    public void start(Exchange exchange) {
        SyncRun run = exchange.getMessage().getBody() instanceof SyncRun given ? given : SyncRun.incremental(clock);
        exchange.setProperty(SyncProperties.RUN, run);
        Map<String, Object> row = new HashMap<>();
        row.put("run_id", run.runId());
        row.put("mode", run.mode().name().toLowerCase());
        row.put("started_at", run.startedAt().atOffset(ZoneOffset.UTC));
        row.put("status", "running");
        row.put("node", NODE);
        // set by the Quartz trigger: which fire this run is, so a fire that ran twice would show
        java.util.Date fire = exchange.getMessage().getHeader("scheduledFireTime", java.util.Date.class);
        row.put("scheduled_for", fire == null ? null : fire.toInstant().atOffset(ZoneOffset.UTC));
        row.put("table_prefix", sql.prefix());
        jdbc.update(sql.get("insert-sync-run"), row);
        LOG.info("Sync run {} started ({}{})", run.runId(), run.mode().name().toLowerCase(),
                run.backfillFrom() == null ? "" : " " + run.backfillFrom() + ".." + run.backfillTo() + " " + run.getStreams());
    }

    /**
     * With the sync lock held no other run can be alive, so runs still marked running died without
     * finishing: they are marked crashed, so the run log never shows a run in progress that is not.
     */
    public void markCrashedRuns(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncProperties.RUN, SyncRun.class);
        Map<String, Object> row = new HashMap<>();
        row.put("run_id", run.runId());
        row.put("now", clock.instant().atOffset(ZoneOffset.UTC));
        int crashed = jdbc.update(sql.get("mark-crashed-runs"), row);
        if (crashed > 0) {
            LOG.warn("{} earlier run(s) ended without finishing; marked crashed in the run log", crashed);
        }
    }

    /** The page's locations the run has not written yet with these values: the ones to upsert. */
    public List<Map<String, Object>> locationsToWrite(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncProperties.RUN, SyncRun.class);
        PageRows page = exchange.getProperty(SyncProperties.PAGE_ROWS, PageRows.class);
        page.setLocationsToWrite(run.writtenLocations().unwritten(page.getLocations()));
        return page.getLocationsToWrite();
    }

    /** Counts what a page wrote. */
    public void pageWritten(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncProperties.RUN, SyncRun.class);
        PageRows page = exchange.getProperty(SyncProperties.PAGE_ROWS, PageRows.class);
        run.wrote("accounts", page.getAccountsToWrite().size());
        run.wrote("visits", page.getVisits().size());
        run.wrote("visit_routs", page.getRoutes().size());
        run.wrote("leads", page.getLeads().size());
        run.wrote("locations", page.getLocationsToWrite().size());
        run.writtenLocations().committed(page.getLocationsToWrite());
        run.rejected(page.getRejected().size());
    }

    /** An account the run could not read (e.g. HTTP 402): logged and recorded; the others go on. */
    public void accountSkipped(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncProperties.RUN, SyncRun.class);
        String message = reason(exchange);
        LOG.warn(message);
        run.warn(message);
    }

    /** An account that failed on its own (unknown to the API): recorded; the other accounts go on. */
    public void accountFailed(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncProperties.RUN, SyncRun.class);
        String message = reason(exchange) + " (at " + run.position() + ")";
        LOG.error("Account {} failed; the other accounts go on: {}", exchange.getProperty(SyncProperties.ACCOUNT_ID), message);
        run.accountFailed(message);
    }

    /**
     * The run reached its end; it succeeded unless an account failed on the way. How it ended is the
     * caller's to say, once: the CLI prints its summary, the schedule logs {@link SyncRun#summaryLine()}.
     */
    public void succeed(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncProperties.RUN, SyncRun.class);
        if (run.accountErrors().isEmpty()) {
            run.succeed();
        } else {
            run.fail(String.join("; ", run.accountErrors()));
        }
        finish(run);
        exchange.getMessage().setBody(run);
    }

    public void fail(Exchange exchange) {
        SyncRun run = exchange.getProperty(SyncProperties.RUN, SyncRun.class);
        String message = reason(exchange);
        if (!causedBy(exchange, SyncLock.HeldElsewhereException.class)) { // the lock was never held: no position to name
            message = message + " (at " + run.position() + ")";
        }
        run.fail(message);
        finish(run);
        exchange.getMessage().setBody(run);
    }

    /**
     * The message of the failure that matters: Camel wraps it (split, multicast) on its way up, so the
     * innermost cause, or the first of our own API exceptions, says what happened.
     */
    private static boolean causedBy(Exchange exchange, Class<? extends Throwable> type) {
        for (Throwable t = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class); t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static String reason(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause == null) {
            return "unknown error";
        }
        Throwable innermost = cause;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof org.leadfeedercamel.api.ApiException) {
                return t.getMessage();
            }
            innermost = t;
        }
        String message = innermost.getMessage();
        return innermost.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    /**
     * The {@code /v1} key's requests this calendar month (UTC, as the quota counts), by this run and the
     * earlier ones in the run log; warned about from {@code leadfeeder.v1.quota-warning-percent} on, or
     * when this month's pace would spend the quota before the month ends. The API tells no quota in its
     * answers, so the connector counts its own; other users of the same key are not in the count.
     */
    private int quotaUsed(SyncRun run) {
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        ZonedDateTime monthStart = now.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
        Map<String, Object> query = new HashMap<>();
        query.put("since", monthStart.toOffsetDateTime());
        query.put("run_id", run.runId());
        Long earlier = jdbc.queryForObject(sql.get("select-v1-requests-since"), query, Long.class);
        long used = (earlier == null ? 0 : earlier) + run.requests();
        int quota = settings.v1MonthlyQuota();
        ZonedDateTime nextMonth = monthStart.plusMonths(1);
        double elapsed = Duration.between(monthStart, now).toMillis() / (double) Duration.between(monthStart, nextMonth).toMillis();
        String warning = null;
        if (used * 100 >= (long) quota * settings.v1QuotaWarningPercent()) {
            warning = "The /v1 API key has used " + used + " of its " + quota + " requests this month ("
                    + used * 100 / quota + "%); it resets on " + nextMonth.toLocalDate();
        } else if (elapsed > 0 && used / elapsed > quota) {
            ZonedDateTime runsOut = monthStart.plus(Duration.ofMillis((long) (Duration.between(monthStart, now).toMillis()
                    * (quota / (double) used))));
            warning = "At this month's pace (" + used + " requests so far) the /v1 API key's quota of " + quota
                    + " requests runs out around " + runsOut.toLocalDate() + ", before it resets on " + nextMonth.toLocalDate();
        }
        if (warning != null) {
            LOG.warn(warning + " (" + SyncSettings.V1_MONTHLY_QUOTA + ")");
            run.warn(warning);
        }
        return (int) Math.min(Integer.MAX_VALUE, used);
    }

    private void finish(SyncRun run) {
        Map<String, Object> row = new HashMap<>();
        row.put("run_id", run.runId());
        row.put("ended_at", Timestamp.from(run.endedAt()).toInstant().atOffset(ZoneOffset.UTC));
        row.put("status", run.status().name().toLowerCase());
        row.put("requests", run.requests());
        row.put("retries", run.retries());
        for (String table : SyncRun.TABLES) {
            row.put("rows_" + table, run.rows(table));
        }
        row.put("rejected", run.rejectedCount());
        ApiGeneration api = choice.generationOrNull();
        row.put("api", api == null ? null : api.label());
        if (api == ApiGeneration.V1) {
            run.apiQuotaUsed(quotaUsed(run));
        }
        row.put("api_quota_used", run.apiQuotaUsed());
        List<String> warnings = run.warnings();
        row.put("warnings", warnings.isEmpty() ? null : String.join("\n", warnings));
        row.put("error", run.error());
        jdbc.update(sql.get("update-sync-run"), row);
    }
}
