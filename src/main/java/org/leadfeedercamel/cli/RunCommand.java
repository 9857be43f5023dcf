package org.leadfeedercamel.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code run}: the Quartz schedule until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Sync on the Quartz schedule (leadfeeder.schedule) until stopped; runs never overlap.")
final class RunCommand implements Callable<Integer> {

    @CommandLine.Mixin
    private ConfigFileOption config;

    @CommandLine.Mixin
    private VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        try (SyncRuntime runtime = new SyncRuntime(config.file).apiOrDemo()) {
            runtime.startCamel(true).run();
            return CommandLine.ExitCode.OK;
        }
    }
}
