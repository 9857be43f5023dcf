package org.leadfeedercamel.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.leadfeedercamel.run.SyncRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code backfill}: re-reads a date range without moving the incremental state. */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "Re-read a date range (account-local dates), leaving the incremental state as it was.")
final class BackfillCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, description = "First day (YYYY-MM-DD).")
    private LocalDate from;

    @Option(names = "--to", required = true, description = "Last day (YYYY-MM-DD).")
    private LocalDate to;

    @Option(names = "--streams", split = ",", defaultValue = "visits,leads",
            description = "Streams to re-read (default: ${DEFAULT-VALUE}).")
    private List<String> streams;

    @CommandLine.Mixin
    private ConfigFileOption config;

    @CommandLine.Mixin
    private VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        try {
            SyncRun.backfill(from, to, streams, java.time.Clock.systemUTC()); // checks the arguments before anything starts
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        List<SyncRuntime.InstanceRun> runs = SyncRuntime.execute(config.file, clock -> SyncRun.backfill(from, to, streams, clock));
        return RunSummary.report(spec.commandLine().getOut(), runs);
    }
}
