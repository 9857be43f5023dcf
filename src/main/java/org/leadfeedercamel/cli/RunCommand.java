package org.leadfeedercamel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code run}: the Quartz schedule until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Sync on the Quartz schedule (leadfeeder.schedule) until stopped; runs never overlap.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", description = "The replaced connector's configuration.json, read as it is.")
    private Path config;

    @Override
    public Integer call() throws Exception {
        try (SyncRuntime runtime = new SyncRuntime(config).demoIfNoToken()) {
            runtime.startCamel(true).run();
            return CommandLine.ExitCode.OK;
        }
    }
}
