package org.leadfeedercamel.state;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.sql.SqlStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A monthly request quota's use this calendar month (UTC, as the quota counts), by this run and the
 * earlier ones in the run log; warned about from {@code leadfeeder.v1.quota-warning-percent} on, or
 * when this month's pace would spend the quota before the month ends. The API tells no quota in its
 * answers, so the connector counts its own; other users of the same key are not in the count.
 */
public final class QuotaWatch {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaWatch.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlStatements sql;
    private final Clock clock;
    private final int warningPercent;
    private final WarehouseRetry retry;

    public QuotaWatch(DataSource dataSource, SqlStatements sql, Clock clock, int warningPercent, WarehouseRetry retry) {
        this.retry = retry;
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.sql = sql;
        this.clock = clock;
        this.warningPercent = warningPercent;
    }

    /** Requests used of {@code quota} this month, the run's included; a warning goes to the run when due. */
    public int used(SyncRun run, int quota) throws InterruptedException {
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        ZonedDateTime monthStart = now.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
        Map<String, Object> query = new HashMap<>();
        query.put("since", monthStart.toOffsetDateTime());
        query.put("run_id", run.runId());
        Long earlier = retry.call("reading this month's requests", () -> jdbc.queryForObject(sql.get("select-v1-requests-since"), query, Long.class));
        long used = (earlier == null ? 0 : earlier) + run.requests();
        ZonedDateTime nextMonth = monthStart.plusMonths(1);
        double elapsed = Duration.between(monthStart, now).toMillis() / (double) Duration.between(monthStart, nextMonth).toMillis();
        String warning = null;
        if (used * 100 >= (long) quota * warningPercent) {
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
}
