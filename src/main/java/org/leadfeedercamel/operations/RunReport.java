package org.leadfeedercamel.operations;

import org.leadfeedercamel.run.SyncRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one line a scheduled run's outcome gets: no caller waits for its answer, so it goes to the log
 * (an error when the run failed). {@code once}, {@code backfill} and a host print or log the run they
 * are answered themselves.
 */
public final class RunReport {

    private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);

    /** Logs the ended run the sync answered; anything else (a route test's stand-in) says nothing. */
    public void ended(Object answer) {
        if (!(answer instanceof SyncRun run)) {
            return;
        }
        if (run.status() == SyncRun.Status.FAILED) {
            LOG.error(run.summaryLine());
        } else if (run.status() == SyncRun.Status.STOPPED) {
            LOG.warn(run.summaryLine());
        } else {
            LOG.info(run.summaryLine());
        }
    }
}
