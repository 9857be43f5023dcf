package org.leadfeedercamel.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.leadfeedercamel.run.SyncRun;
import picocli.CommandLine;

/** The per-table summary printed when a run ends. */
final class RunSummary {

    private RunSummary() {
    }

    /**
     * Prints the summary (after Camel has shut down, so it is the last thing on the console) and
     * returns the exit code: 0 when the run succeeded.
     */
    static int report(PrintWriter out, SyncRun run) {
        print(out, run);
        return run.status() == SyncRun.Status.SUCCEEDED ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }

    static void print(PrintWriter out, SyncRun run) {
        Duration took = Duration.between(run.startedAt(), run.endedAt());
        out.printf("%nSync run %s %s in %.1f s: %d requests, %d retries (%d after a 429)%n", run.runId(),
                run.status().name().toLowerCase(), took.toMillis() / 1000.0, run.requests(), run.retries(),
                run.rateLimitedRequests());
        out.printf("  %-32s %12s%n", "table", "rows upserted");
        for (String table : SyncRun.TABLES) {
            out.printf("  %-32s %,12d%n", "raw_leadfeeder__" + table, run.rows(table));
        }
        out.printf("  %-32s %,12d%n", "leadfeeder_rejected_records", run.rejectedCount());
        if (run.rejectedCount() > 0) {
            out.printf("  %,d record(s) could not be mapped: kept with their raw JSON and reason; `status` names the"
                    + " backfill that reads their windows again after a fix%n", run.rejectedCount());
        }
        for (String warning : run.warnings()) {
            out.println("  warning: " + warning);
        }
        if (run.error() != null) {
            out.println("  error: " + run.error());
        }
        out.flush();
    }
}
