package org.leadfeedercamel.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --verbose}: Camel's, Quartz's, Flyway's and Hikari's INFO lines (everything the log file gets)
 * on the console too. Logging is configured before the command line is parsed, so {@link #apply} reads the
 * arguments first; the option is declared here for the help and so that picocli accepts it.
 */
final class VerboseOption {

    static final String NAME = "--verbose";

    @Option(names = NAME, description = "Show Camel's, Quartz's, Flyway's and Hikari's INFO lines on the console too "
            + "(they are always in the log file, ./data/leadfeeder.log unless leadfeeder.log-file says otherwise).")
    boolean verbose;

    /** Before anything logs: the console takes everyone's INFO lines when the arguments ask for it. */
    static void apply(String[] args) {
        if (List.of(args).contains(NAME)) {
            System.setProperty("leadfeeder.console-level", "all"); // all the log level lets through, as in the file
        }
    }
}
