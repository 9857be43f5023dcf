package org.leadfeedercamel.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.leadfeedercamel.sync.SyncRun;
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

    @Option(names = "--config", description = "The replaced connector's configuration.json, read as it is.")
    private Path config;

    @Override
    public Integer call() throws Exception {
        SyncRun request;
        try {
            request = SyncRun.backfill(from, to, streams, java.time.Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        SyncRun run;
        try (SyncRuntime runtime = new SyncRuntime(config).demoIfNoToken()) {
            runtime.startCamel(false);
            run = runtime.camel().createProducerTemplate()
                    .requestBody("direct:leadfeeder-sync", request, SyncRun.class);
        }
        // printed after Camel has shut down, so the summary is the last thing on the console
        RunSummary.print(spec.commandLine().getOut(), run);
        return run.status() == SyncRun.Status.SUCCEEDED ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }
}
