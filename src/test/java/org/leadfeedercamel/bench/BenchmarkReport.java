package org.leadfeedercamel.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes one benchmark's section of BENCHMARKS.md, replacing the section of the same heading. */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    public static void writeSection(Path report, String section) throws IOException {
        String heading = section.lines().findFirst().orElseThrow();
        String existing = Files.exists(report) ? Files.readString(report) : "# Benchmarks\n\n";
        int start = existing.indexOf(heading);
        String updated;
        if (start < 0) {
            updated = existing.stripTrailing() + "\n\n" + section.stripTrailing() + "\n";
        } else {
            int end = existing.indexOf("\n## ", start + heading.length());
            updated = existing.substring(0, start) + section.stripTrailing() + "\n" + (end < 0 ? "" : "\n" + existing.substring(end + 1));
        }
        Files.writeString(report, updated);
    }

    /** The CPU model, for the record of where figures were measured. */
    public static String machine() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }
}
