package org.leadfeedercamel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the command line in its own JVM, as a user would, and collects what it printed. */
final class ConnectorProcess {

    record Result(int exitCode, String output) {
    }

    private ConnectorProcess() {
    }

    static Result run(Path workDir, Map<String, String> environment, String... args) throws IOException, InterruptedException {
        return run(workDir, environment, List.of(), args);
    }

    static Result run(Path workDir, Map<String, String> environment, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        return run(workDir, output(workDir), environment, jvmOptions, args);
    }

    /** Runs the connector with its output in {@code log}, e.g. beside another one running in the same folder. */
    static Result run(Path workDir, Path log, Map<String, String> environment, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        Process process = start(workDir, log, environment, jvmOptions, args);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the connector did not finish: " + String.join(" ", args));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Starts the connector, its output going to a file (a pipe nobody drains would stall it). */
    static Process start(Path workDir, Map<String, String> environment, String... args) throws IOException {
        return start(workDir, environment, List.of(), args);
    }

    /** Starts the connector with extra JVM options (e.g. a log level), its output going to a file. */
    static Process start(Path workDir, Map<String, String> environment, List<String> jvmOptions, String... args) throws IOException {
        return start(workDir, output(workDir), environment, jvmOptions, args);
    }

    private static Process start(Path workDir, Path log, Map<String, String> environment, List<String> jvmOptions, String... args)
            throws IOException {
        return start(workDir, log, environment, command(jvmOptions, args));
    }

    /** Runs {@code command} in {@code workDir} with the connector's environment, its output in {@code log}. */
    static Process start(Path workDir, Path log, Map<String, String> environment, List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("LEADFEEDER_"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** The connector's command line, as a user's shell would run it. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dlog4j2.configurationFile=log4j2.properties"); // the runner's logging, not the test JVM's log4j2-test
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LeadfeederCamel.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Where a connector started in {@code workDir} writes its output. */
    static Path output(Path workDir) {
        return workDir.resolve("connector-output.log");
    }
}
