package org.leadfeedercamel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadfeedercamel.simulator.FaultSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;

/**
 * The console is for people: a command prints its own concise lines and the summary, Camel's, Quartz's,
 * Flyway's and Hikari's INFO go to the log file (or the console too with --verbose), and on a terminal a
 * sync shows a live progress bar.
 */
class ConsoleProcessTest {

    /** What Camel, Hikari and Flyway say at INFO on every start: none of it belongs on a user's console. */
    private static final List<String> LIBRARY_LINES = List.of("Apache Camel (Main) 4", "leadfeeder-warehouse - Start completed",
            "Successfully validated");

    @TempDir
    Path work;

    @Test
    void theDemoOncePrintsItsOwnFewLinesAndLogsTheRestToTheFile() throws Exception {
        ConnectorProcess.Result once = ConnectorProcess.run(work, Map.of(), "once");

        assertThat(once.exitCode()).as(once.output()).isZero();
        List<String> lines = once.output().lines().toList();
        assertThat(lines).as(once.output()).hasSizeLessThanOrEqualTo(25);
        assertThat(once.output()).contains("DEMO MODE").contains("raw_leadfeeder__visits").contains(" succeeded in ");
        LIBRARY_LINES.forEach(library -> assertThat(once.output()).doesNotContain(library));
        String logFile = Files.readString(work.resolve("data/leadfeeder.log"));
        LIBRARY_LINES.forEach(library -> assertThat(logFile).contains(library));
        assertThat(logFile).contains("DEMO MODE").contains("Sync run ").doesNotContain(LeadfeederSimulator.DEFAULT_TOKEN);
    }

    @Test
    void verboseShowsTheLibrariesLinesOnTheConsoleToo() throws Exception {
        ConnectorProcess.Result once = ConnectorProcess.run(work, Map.of(), "once", "--verbose");

        assertThat(once.exitCode()).as(once.output()).isZero();
        LIBRARY_LINES.forEach(library -> assertThat(once.output()).contains(library));
        assertThat(once.output().lines().count()).isGreaterThan(25);
    }

    @Test
    void onATerminalASyncShowsALiveProgressBar() throws Exception {
        // every answer 40 ms late, so the bar has pages to show
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("bar-token").requestsPerWindow(0)
                .faults(new FaultSettings(1, 0, 1.0, 40, 0, 0, 0)).start()) {
            List<String> connector = ConnectorProcess.command(List.of(), "once");
            // script(1) runs the connector on a pseudo-terminal, as a user's shell would
            String shell = connector.stream().map(word -> "'" + word + "'").collect(Collectors.joining(" "));
            Path output = work.resolve("terminal.log");
            Process process = ConnectorProcess.start(work, output, Map.of("LEADFEEDER_API_TOKEN", "bar-token",
                    "LEADFEEDER_BASE_API_URL", simulator.baseUrl(), "LEADFEEDER_API", "classic",
                    "LEADFEEDER_RATE_LIMIT_REQUESTS_PER_WINDOW", "0"), List.of("script", "-qfec", "stty cols 120; " + shell, "/dev/null"));
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String terminal = Files.readString(output);

            assertThat(process.exitValue()).as(terminal).isZero();
            // a bar per account and stream, redrawn in place: its pages, the window, the rows so far
            assertThat(terminal).containsPattern("\r100001 visits +\\d+% \\[[= >]*] +\\d+/\\d+ \\(\\d:\\d\\d:\\d\\d / [^)]+\\) "
                    + "\\d{4}-\\d\\d-\\d\\d\\.\\.\\d{4}-\\d\\d-\\d\\d, [\\d,]+ rows");
            assertThat(terminal).contains("100002 leads 100% [").contains(" succeeded in ");
        }
    }
}
