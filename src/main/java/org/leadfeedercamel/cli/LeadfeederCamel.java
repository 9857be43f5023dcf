package org.leadfeedercamel.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.leadfeedercamel.config.ConfigurationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code java -jar leadfeeder-camel.jar <command>}: the connector's command line. */
@Command(name = "leadfeeder-camel",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Leadfeeder to SQL warehouse connector built on Apache Camel.",
        subcommands = {OnceCommand.class, RunCommand.class, CheckCommand.class, BackfillCommand.class, StatusCommand.class,
            SimulatorCommand.class, CommandLine.HelpCommand.class})
public final class LeadfeederCamel implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        VerboseOption.apply(args);
        SignalStop.install();
        int code = commandLine().execute(args);
        System.exit(SignalStop.exitCode(code));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new LeadfeederCamel());
        // a mistyped option gets one line naming it, not the whole usage text
        // a bad configuration value, or a start-up failure, is one line, not a stack trace
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            PrintWriter err = command.getErr();
            if (e instanceof ConfigurationException) {
                err.println("Configuration error: " + e.getMessage());
                err.flush();
                return CommandLine.ExitCode.USAGE;
            }
            err.println("Failed: " + oneLine(e));
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println(e.getMessage());
            err.println("See '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        });
        return cli;
    }

    /**
     * The innermost cause's message: what went wrong, without the layers (Camel, Main) that carried it
     * up. Our own failures carry no cause, so they are their own innermost.
     */
    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return CommandLine.ExitCode.USAGE;
    }

}
