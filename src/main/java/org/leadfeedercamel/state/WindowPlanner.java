package org.leadfeedercamel.state;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import org.leadfeedercamel.run.AccountRef;
import org.leadfeedercamel.run.SyncMode;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.run.SyncWindow;
import org.leadfeedercamel.run.WindowQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which date windows an account and stream read this run. Incremental runs resume at the first
 * day not covered by completed windows (the start date on a first sync) and run through the
 * account-local today, read on every run. The lookback days before today are read again when one of
 * them has not been read whole since it ended, or not within the lookback interval: once after
 * midnight, then at most once per interval, rather than on every run (on /v1 that is most of an hourly
 * schedule's quota). A backfill reads exactly its range. Windows start as wide as that and are split
 * only when the API's result cap forces it.
 */
public final class WindowPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(WindowPlanner.class);

    private final LocalDate startDate;
    private final int lookbackDays;
    private final Duration lookbackInterval;
    private final CompletedWindows state;

    public WindowPlanner(LocalDate startDate, int lookbackDays, Duration lookbackInterval, CompletedWindows state) {
        this.startDate = startDate;
        this.lookbackDays = lookbackDays;
        this.lookbackInterval = lookbackInterval;
        this.state = state;
    }

    public WindowQueue plan(SyncRun run, AccountRef account, String stream) throws InterruptedException {
        String accountId = account.id();
        LocalDate today = LocalDate.now(run.clock().withZone(account.zone()));
        LocalDate from;
        LocalDate to;
        if (run.mode() == SyncMode.BACKFILL) {
            from = run.backfillFrom();
            to = run.backfillTo().isAfter(today) ? today : run.backfillTo();
        } else {
            from = resumeDay(state.reads(accountId, stream), today, account.zone(), run.clock().instant());
            to = today;
        }
        if (from.isAfter(to)) {
            LOG.info("Account {} {}: nothing to read ({}..{})", accountId, stream, from, to);
            return new WindowQueue(List.of());
        }
        LOG.info("Account {} {}: reading {}..{}", accountId, stream, from, to);
        return new WindowQueue(List.of(new SyncWindow(accountId, stream, from, to)));
    }

    /**
     * First day an incremental run reads: the first day not synced yet, or today when everything before
     * it is synced; the first lookback day instead when the lookback is due.
     */
    LocalDate resumeDay(List<CompletedWindows.Read> reads, LocalDate today, ZoneId zone, Instant now) {
        LocalDate through = CompletedWindows.syncedThrough(reads.stream().map(CompletedWindows.Read::window).toList(), startDate);
        if (through == null) {
            return startDate;
        }
        LocalDate resume = through.plusDays(1);
        LocalDate lookback = today.minusDays(Math.max(lookbackDays, 1) - 1L);
        if (!resume.isAfter(lookback)) {
            return resume; // days not synced reach back into the lookback: all of them are read anyway
        }
        LocalDate first = lookbackDue(reads, lookback, today, zone, now) ? lookback : (resume.isAfter(today) ? today : resume);
        return first.isBefore(startDate) ? startDate : first;
    }

    /**
     * Whether a lookback day before today was last read whole before it ended (the run that read it as
     * today could not see its last hours), or longer ago than the lookback interval.
     */
    private boolean lookbackDue(List<CompletedWindows.Read> reads, LocalDate lookback, LocalDate today, ZoneId zone, Instant now) {
        Instant dueBefore = now.minus(lookbackInterval);
        for (LocalDate day = lookback; day.isBefore(today); day = day.plusDays(1)) {
            LocalDate d = day;
            Instant ended = day.plusDays(1).atStartOfDay(zone).toInstant();
            Instant lastRead = reads.stream().filter(r -> !r.window().from().isAfter(d) && !r.window().to().isBefore(d))
                    .map(CompletedWindows.Read::at).filter(Objects::nonNull).filter(at -> !at.isBefore(ended))
                    .max(Instant::compareTo).orElse(null);
            if (lastRead == null || !lastRead.isAfter(dueBefore)) {
                return true;
            }
        }
        return false;
    }
}
