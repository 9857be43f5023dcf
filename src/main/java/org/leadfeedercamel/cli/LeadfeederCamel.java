package org.leadfeedercamel.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code java -jar leadfeeder-camel.jar <command>}: the connector's command line. */
@Command(name = "leadfeeder-camel",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Leadfeeder to SQL warehouse connector built on Apache Camel.",
        subcommands = {SimulatorCommand.class, CommandLine.HelpCommand.class})
public final class LeadfeederCamel implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LeadfeederCamel());
        // a mistyped option gets one line naming it, not the whole usage text
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println(e.getMessage());
            err.println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        });
        return cli;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CommandLine.ExitCode.USAGE;
    }

    @Command(name = "once", description = "One sync of all streams for all configured accounts, then exit.")
    int once() {
        return notYet("once");
    }

    @Command(name = "run", description = "Sync on the Quartz schedule until stopped.")
    int run() {
        return notYet("run");
    }

    @Command(name = "check", description = "Validate configuration, reach the API and the database.")
    int check() {
        return notYet("check");
    }

    @Command(name = "backfill", description = "Re-read a date range, leaving the incremental state as it was.")
    int backfill() {
        return notYet("backfill");
    }

    @Command(name = "status", description = "State per account and stream, and the last runs.")
    int status() {
        return notYet("status");
    }

    private int notYet(String command) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("'" + command + "' is not implemented yet; this build serves the simulator only.");
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
    }
}
