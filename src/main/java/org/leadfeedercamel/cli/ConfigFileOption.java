package org.leadfeedercamel.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config configuration.json}, shared by every command that reads the connector's configuration. */
final class ConfigFileOption {

    @Option(names = "--config", description = "The replaced connector's configuration.json, read as it is.")
    Path file;
}
