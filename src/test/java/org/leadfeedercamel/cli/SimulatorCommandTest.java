package org.leadfeedercamel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The `simulator` command, run as its own JVM the way a newcomer runs it. */
class SimulatorCommandTest {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    @Test
    void servesTheClassicApiFromItsOwnProcessUntilStopped() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LeadfeederCamel.class.getName(), "simulator", "--port", "0", "--token", "cli-token", "--seed", "9",
                "--requests-per-minute", "3", "--rate-window-seconds", "3600", "--days", "5", "--visits", "100")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String baseUrl = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        Matcher m = LISTENING.matcher(line);
                        if (m.find()) {
                            return m.group(1);
                        }
                    }
                    return null;
                } catch (java.io.IOException e) {
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            assertThat(baseUrl).isNotNull();

            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/accounts"))
                    .header("Authorization", "Token token=cli-token").build();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
            }
            assertThat(statuses).containsExactly(200, 200, 200, 429);
        } finally {
            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    @Test
    void helpListsEveryOption() {
        StringWriter help = new StringWriter();
        CommandLine cli = LeadfeederCamel.commandLine();
        cli.setOut(new PrintWriter(help));

        int code = cli.execute("simulator", "--help");

        assertThat(code).isZero();
        assertThat(help.toString()).contains("--port", "--token", "--seed", "--requests-per-minute", "--rate-window-seconds",
                "--retry-after", "--timezones", "--non-premium", "--from", "--to", "--days", "--visits", "--companies",
                "--busy-days", "--fault-5xx-rate", "--fault-reset-rate", "--fault-truncate-rate", "--fault-slow-rate",
                "--arrival-every", "--result-cap", "--fault-next", "--fault-oversized-rate", "--fault-oversized-mb");
    }

    @Test
    void badOptionsFailWithOneLineNamingThem() {
        StringWriter err = new StringWriter();
        CommandLine cli = LeadfeederCamel.commandLine();
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("simulator", "--timezones", "Mars/Olympus_Mons");

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Mars/Olympus_Mons");
    }

    @Test
    void anUnknownPagingLieFailsNamingTheOnesThereAre() {
        StringWriter err = new StringWriter();
        CommandLine cli = LeadfeederCamel.commandLine();
        cli.setErr(new PrintWriter(err));

        int code = cli.execute("simulator", "--port", "0", "--fault-next", "sideways");

        assertThat(code).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--fault-next: 'sideways' is not one of self, backwards, past-last");
    }
}
