package org.leadfeedercamel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.leadfeedercamel.sync.SyncRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code once}: one incremental sync of every stream of every configured account, then exit. */
@Command(name = "once", mixinStandardHelpOptions = true,
        description = {"One sync of all streams for all configured accounts, then exit (0 = success).",
            "Without LEADFEEDER_API_TOKEN it syncs the built-in simulator (demo mode)."})
final class OnceCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", description = "The replaced connector's configuration.json, read as it is.")
    private Path config;

    @Override
    public Integer call() throws Exception {
        SyncRun run;
        try (SyncRuntime runtime = new SyncRuntime(config).demoIfNoToken()) {
            runtime.startCamel(false);
            run = runtime.camel().createProducerTemplate()
                    .requestBody("direct:leadfeeder-sync", SyncRun.incremental(runtime.clock()), SyncRun.class);
        }
        // printed after Camel has shut down, so the summary is the last thing on the console
        RunSummary.print(spec.commandLine().getOut(), run);
        return run.status() == SyncRun.Status.SUCCEEDED ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }
}
