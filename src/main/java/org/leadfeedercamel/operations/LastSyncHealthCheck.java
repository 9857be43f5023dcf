package org.leadfeedercamel.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.leadfeedercamel.sql.SqlStatements;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Readiness: the last successful sync ended no longer ago than {@code leadfeeder.health.max-sync-age-minutes}.
 * Before any success the check is UP for that long after start, so a first backfill that runs for
 * hours is not reported as a fault until it has had the time a sync is given.
 */
public final class LastSyncHealthCheck extends AbstractHealthCheck {

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlStatements sql;
    private final Duration maxAge;
    private final Clock clock;
    private final Instant started;

    /** {@code id}: the check's id, e.g. {@code leadfeeder-last-sync}, one per instance. */
    public LastSyncHealthCheck(String id, DataSource dataSource, SqlStatements sql, Duration maxAge, Clock clock) {
        super("leadfeeder", id);
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.sql = sql;
        this.maxAge = maxAge;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        Instant now = clock.instant();
        OffsetDateTime last;
        try {
            last = jdbc.queryForObject(sql.get("select-last-success"), Map.of("table_prefix", sql.prefix()), OffsetDateTime.class);
        } catch (RuntimeException e) {
            builder.down().message("the run log cannot be read: " + e.getMessage());
            return;
        }
        builder.detail("max.age.minutes", maxAge.toMinutes());
        if (last == null) {
            builder.detail("last.success", "none");
            boolean patient = Duration.between(started, now).compareTo(maxAge) <= 0;
            builder.state(patient ? org.apache.camel.health.HealthCheck.State.UP : org.apache.camel.health.HealthCheck.State.DOWN)
                    .message("no successful sync yet");
            return;
        }
        Duration age = Duration.between(last.toInstant(), now);
        builder.detail("last.success", last.toInstant().toString()).detail("age.minutes", age.toMinutes());
        if (age.compareTo(maxAge) <= 0) {
            builder.up();
        } else {
            builder.down().message("the last successful sync ended " + age.toMinutes() + " minutes ago (more than "
                    + maxAge.toMinutes() + ")");
        }
    }
}
