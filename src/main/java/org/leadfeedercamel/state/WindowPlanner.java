package org.leadfeedercamel.state;

import java.time.LocalDate;
import java.util.List;
import org.leadfeedercamel.run.AccountRef;
import org.leadfeedercamel.run.SyncMode;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.run.SyncWindow;
import org.leadfeedercamel.run.WindowQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which date windows an account and stream read this run. Incremental runs resume at the first
 * day not covered by completed windows (the start date on a first sync), re-read the lookback days,
 * and run through the account-local today; a backfill reads exactly its range. Windows start as wide
 * as that and are split only when the API's result cap forces it.
 */
public final class WindowPlanner {

    private static final Logger LOG = LoggerFactory.getLogger(WindowPlanner.class);

    private final LocalDate startDate;
    private final int lookbackDays;
    private final CompletedWindows state;

    public WindowPlanner(LocalDate startDate, int lookbackDays, CompletedWindows state) {
        this.startDate = startDate;
        this.lookbackDays = lookbackDays;
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
            from = resumeDay(accountId, stream, today);
            to = today;
        }
        if (from.isAfter(to)) {
            LOG.info("Account {} {}: nothing to read ({}..{})", accountId, stream, from, to);
            return new WindowQueue(List.of());
        }
        LOG.info("Account {} {}: reading {}..{}", accountId, stream, from, to);
        return new WindowQueue(List.of(new SyncWindow(accountId, stream, from, to)));
    }

    /** First day an incremental run reads: after the synced days, but never later than the lookback. */
    LocalDate resumeDay(String accountId, String stream, LocalDate today) throws InterruptedException {
        LocalDate start = startDate;
        LocalDate through = state.syncedThrough(accountId, stream, start);
        if (through == null) {
            return start;
        }
        LocalDate resume = through.plusDays(1);
        LocalDate lookback = today.minusDays(Math.max(lookbackDays, 1) - 1L);
        if (resume.isAfter(lookback)) {
            resume = lookback;
        }
        return resume.isBefore(start) ? start : resume;
    }
}
