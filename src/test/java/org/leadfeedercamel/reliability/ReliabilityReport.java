package org.leadfeedercamel.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects what each reliability test injected and what came of it into {@code RELIABILITY.md}, when
 * the run asks for it ({@code -Dleadfeeder.reliability.report=RELIABILITY.md}); otherwise it only
 * prints. Each scenario is one table row, replaced when its test runs again.
 */
public final class ReliabilityReport {

    private static final String PROPERTY = "leadfeeder.reliability.report";
    private static final Pattern ROW = Pattern.compile("^\\| (.+?) \\| (.+?) \\| (.+?) \\|$", Pattern.MULTILINE);

    private ReliabilityReport() {
    }

    public static synchronized void record(String scenario, String injected, String outcome) {
        System.out.printf("reliability: %s | %s | %s%n", scenario, injected, outcome);
        String target = System.getProperty(PROPERTY);
        if (target == null || target.isBlank()) {
            return;
        }
        Path file = Path.of(target);
        try {
            Map<String, String[]> rows = new TreeMap<>();
            if (Files.exists(file)) {
                Matcher m = ROW.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equals("scenario") && !m.group(1).startsWith("---")) {
                        rows.put(m.group(1), new String[] {m.group(2), m.group(3)});
                    }
                }
            }
            rows.put(scenario, new String[] {injected.replace("|", "/"), outcome.replace("|", "/")});
            StringBuilder out = new StringBuilder("""
                    # Reliability

                    What production throws at a connector, injected on purpose, and what came of it. Every row is
                    written by the test that proves it; regenerate them all with

                    ```bash
                    mvn -B test -Dgroups=reliability -Dleadfeeder.reliability.report=$PWD/RELIABILITY.md
                    ```

                    (the same tests run in `mvn -B package` and CI, without rewriting this file). Machine of the
                    last run: %s, %d cores, Java %s; %s.

                    | scenario | injected | outcome |
                    |---|---|---|
                    """.formatted(System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), LocalDate.now()));
            rows.forEach((name, cells) -> out.append("| ").append(name).append(" | ").append(cells[0]).append(" | ")
                    .append(cells[1]).append(" |\n"));
            Files.writeString(file, out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
