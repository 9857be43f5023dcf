package org.leadfeedercamel.state;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.leadfeedercamel.api.ApiChoice;
import org.leadfeedercamel.api.LeadfeederApi;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.run.SyncStoppedException;
import org.leadfeedercamel.sql.SqlStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The run log {@code leadfeeder_sync_runs}: a row when a run starts, its figures when it ends. */
public final class RunLog {

    private static final Logger LOG = LoggerFactory.getLogger(RunLog.class);

    /** This process, as the run log names it: {@code pid@host}. */
    public static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlStatements sql;
    private final Clock clock;
    private final ApiChoice choice;
    private final QuotaWatch quota;
    private final SyncLock lock;
    private final WarehouseRetry retry;

    public RunLog(DataSource dataSource, SqlStatements sql, Clock clock, ApiChoice choice, QuotaWatch quota, SyncLock lock,
            WarehouseRetry retry) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.sql = sql;
        this.clock = clock;
        this.choice = choice;
        this.quota = quota;
        this.lock = lock;
        this.retry = retry;
    }

    /**
     * Starts the run {@code given} (once, backfill), or an incremental one when the trigger sent none;
     * {@code scheduledFor} is the Quartz fire it answers, if any, so a fire that ran twice would show.
     */
    public SyncRun start(Object given, Date scheduledFor) throws InterruptedException {
        // a run that ended (another instance's answer, passed on by a host route) asks for nothing: a new incremental one
        SyncRun run = given instanceof SyncRun asked && asked.endedAt() == null ? asked : SyncRun.incremental(clock);
        Map<String, Object> row = new HashMap<>();
        row.put("run_id", run.runId());
        row.put("mode", run.mode().name().toLowerCase());
        row.put("started_at", run.startedAt().atOffset(ZoneOffset.UTC));
        row.put("status", "running");
        row.put("node", NODE);
        row.put("scheduled_for", scheduledFor == null ? null : scheduledFor.toInstant().atOffset(ZoneOffset.UTC));
        row.put("table_prefix", sql.prefix());
        retry.call("recording the run's start", () -> jdbc.update(sql.get("insert-sync-run"), row));
        LOG.info("Sync run {} started ({}{})", run.runId(), run.mode().name().toLowerCase(),
                run.backfillFrom() == null ? "" : " " + run.backfillFrom() + ".." + run.backfillTo() + " " + run.getStreams());
        return run;
    }

    /**
     * With the sync lock held no other run can be alive, so runs still marked running died without
     * finishing: they are marked crashed, so the run log never shows a run in progress that is not. A
     * retry after a lost connection checks the lock is still this run's first.
     */
    public void markCrashedRuns(SyncRun run) throws SQLException, InterruptedException {
        Map<String, Object> row = new HashMap<>();
        row.put("run_id", run.runId());
        row.put("now", clock.instant().atOffset(ZoneOffset.UTC));
        int crashed = retry.call("marking crashed runs", () -> {
            lock.ensureHeld();
            return jdbc.update(sql.get("mark-crashed-runs"), row);
        });
        if (crashed > 0) {
            LOG.warn("{} earlier run(s) ended without finishing; marked crashed in the run log", crashed);
        }
    }

    /**
     * The run reached its end; it succeeded unless an account failed on the way. How it ended is the
     * caller's to say, once: the CLI prints its summary, the schedule logs {@link SyncRun#summaryLine()}.
     */
    public SyncRun succeed(SyncRun run) throws InterruptedException {
        if (run.accountErrors().isEmpty()) {
            run.succeed();
        } else {
            run.fail(String.join("; ", run.accountErrors()));
        }
        finish(run);
        return run;
    }

    public SyncRun fail(SyncRun run, Throwable cause) throws InterruptedException {
        String message = FailureReason.of(cause);
        if (!FailureReason.causedBy(cause, SyncLock.HeldElsewhereException.class)) { // the lock was never held: no position to name
            message = message + " (at " + run.position() + ")";
        }
        run.fail(message);
        finish(run);
        return run;
    }

    /** The run was asked to stop and ended between two pages; where it stopped is in the run log. */
    public SyncRun stopped(SyncRun run, Throwable cause) throws InterruptedException {
        String why = cause == null ? "stopped" : cause.getMessage();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SyncStoppedException stop) {
                why = stop.getMessage();
            }
        }
        run.stop(why + " (at " + run.position() + ")");
        LOG.warn("Sync run {} {}; the next run resumes from there", run.runId(), run.error());
        finish(run);
        return run;
    }

    private void finish(SyncRun run) throws InterruptedException {
        Map<String, Object> row = new HashMap<>();
        row.put("run_id", run.runId());
        row.put("ended_at", run.endedAt().atOffset(ZoneOffset.UTC));
        row.put("status", run.status().name().toLowerCase());
        row.put("requests", run.requests());
        row.put("retries", run.retries());
        for (String table : SyncRun.TABLES) {
            row.put("rows_" + table, run.rows(table));
        }
        row.put("rejected", run.rejectedCount());
        Optional<LeadfeederApi> api = choice.chosen();
        row.put("api", api.map(LeadfeederApi::label).orElse(null));
        Integer monthlyQuota = api.map(LeadfeederApi::monthlyQuota).orElse(null);
        if (monthlyQuota != null) {
            run.apiQuotaUsed(quota.used(run, monthlyQuota));
        }
        row.put("api_quota_used", run.apiQuotaUsed());
        List<String> warnings = run.warnings();
        row.put("warnings", warnings.isEmpty() ? null : String.join("\n", warnings));
        row.put("error", run.error());
        retry.call("recording the run's end", () -> jdbc.update(sql.get("update-sync-run"), row));
    }
}
