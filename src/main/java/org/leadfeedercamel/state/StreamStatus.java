package org.leadfeedercamel.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.leadfeedercamel.sql.SqlStatements;
import org.leadfeedercamel.run.SyncWindow;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * How far each account and stream is synced and how far behind now that is, read from the completed
 * windows: for {@code status} and the lag metric.
 */
public final class StreamStatus {

    /**
     * One account and stream: the last day of its unbroken synced run (null before its first window),
     * and when the window reaching that day was last completed (null when unknown).
     */
    public record Entry(String accountId, String stream, LocalDate syncedThrough, int windows, ZoneId zone, Instant readAt) {

        /**
         * How far behind now the data is: now minus the end of the newest synced day in the account's
         * timezone, or, for a day that had not ended when it was last read (today), minus that read;
         * from the start date when nothing is synced yet.
         */
        public Duration lag(Clock clock, LocalDate startDate) {
            LocalDate through = syncedThrough == null ? startDate.minusDays(1) : syncedThrough;
            Instant dayEnd = through.plusDays(1).atStartOfDay(zone).toInstant();
            Instant freshAsOf = syncedThrough != null && readAt != null && readAt.isBefore(dayEnd) ? readAt : dayEnd;
            Duration behind = Duration.between(freshAsOf, clock.instant());
            return behind.isNegative() ? Duration.ZERO : behind;
        }
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlStatements sql;

    public StreamStatus(DataSource dataSource, SqlStatements sql) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.sql = sql;
    }

    /** Every account and stream with at least one completed window, in processor-name order. */
    public List<Entry> read(LocalDate startDate) {
        Map<String, ZoneId> zones = new HashMap<>();
        jdbc.query(sql.get("select-account-timezones"), Map.of(), row -> {
            zones.put(row.getString("account_id"), zone(row.getString("timezone")));
        });
        // every completed window of this table prefix in one query, grouped by account and stream
        String namespace = CompletedWindows.namespace(sql.prefix());
        Map<String, List<SyncWindow>> windows = new LinkedHashMap<>();
        Map<SyncWindow, Instant> completedAt = new HashMap<>();
        jdbc.query(sql.get("select-state"), Map.of(), row -> {
            String[] parts = row.getString("processor_name").split(":"); // see CompletedWindows.processorName
            if (parts.length != 3 || !parts[0].equals(namespace)) {
                return;
            }
            SyncWindow window = CompletedWindows.window(parts[1], parts[2], row.getString("window_key"));
            windows.computeIfAbsent(parts[1] + ":" + parts[2], k -> new ArrayList<>()).add(window);
            OffsetDateTime at = row.getObject("completed_at", OffsetDateTime.class);
            completedAt.put(window, at == null ? null : at.toInstant());
        });
        List<Entry> entries = new ArrayList<>();
        windows.values().forEach(completed -> {
            SyncWindow first = completed.get(0);
            LocalDate through = CompletedWindows.syncedThrough(completed, startDate);
            // the latest read of a window that reaches the synced-through day
            Instant readAt = completed.stream().filter(w -> w.to().equals(through)).map(completedAt::get)
                    .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
            entries.add(new Entry(first.accountId(), first.stream(), through, completed.size(),
                    zones.getOrDefault(first.accountId(), ZoneId.of("UTC")), readAt));
        });
        return entries;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
