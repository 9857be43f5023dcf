package org.leadfeedercamel.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.leadfeedercamel.run.SyncRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code once}: one incremental sync of every stream of every configured account, then exit. */
@Command(name = "once", mixinStandardHelpOptions = true,
        description = {"One sync of all streams for all configured accounts, then exit (0 = success).",
            "Without LEADFEEDER_API_TOKEN it syncs the built-in simulator (demo mode)."})
final class OnceCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    private ConfigFileOption config;

    @CommandLine.Mixin
    private VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        List<SyncRuntime.InstanceRun> runs = SyncRuntime.execute(config.file, SyncRun::incremental);
        return RunSummary.report(spec.commandLine().getOut(), runs);
    }
}
