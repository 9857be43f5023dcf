package org.leadfeedercamel.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import org.leadfeedercamel.config.Instance;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.sql.Tables;
import picocli.CommandLine;

/** The per-table summary printed when a run ends, one per instance. */
final class RunSummary {

    private RunSummary() {
    }

    /**
     * Prints the summaries (after Camel has shut down, so they are the last thing on the console) and
     * returns the exit code: 0 when every instance's run succeeded.
     */
    static int report(PrintWriter out, List<SyncRuntime.InstanceRun> runs) {
        runs.forEach(run -> print(out, run.instance(), run.run()));
        return runs.stream().allMatch(run -> run.run().status() == SyncRun.Status.SUCCEEDED)
                ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }

    static void print(PrintWriter out, Instance instance, SyncRun run) {
        Duration took = Duration.between(run.startedAt(), run.endedAt());
        out.printf("%nSync run %s%s %s in %.1f s: %d requests, %d retries (%d after a 429)%n", run.runId(),
                instance.isDefault() ? "" : " of instance " + instance.id(), run.status().name().toLowerCase(),
                took.toMillis() / 1000.0, run.requests(), run.retries(), run.rateLimitedRequests());
        String prefix = instance.settings().warehouse().tablePrefix();
        Tables tables = Tables.of(instance);
        out.printf("  %-32s %12s%n", "table", "rows upserted");
        for (String table : SyncRun.TABLES) {
            out.printf("  %-32s %,12d%n", prefix + table, run.rows(table));
        }
        out.printf("  %-32s %,12d%n", tables.state("rejected_records"), run.rejectedCount());
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
