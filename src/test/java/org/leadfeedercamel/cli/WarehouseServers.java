package org.leadfeedercamel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.leadfeedercamel.sql.TestWarehouses.Kind;

/**
 * Stops and starts the local PostgreSQL and MariaDB servers the tests use, as an operator's restart
 * does, each call returning once the server is down, or answering again. Other tests use these servers:
 * a test that stops one starts it again in a {@code finally}.
 */
final class WarehouseServers {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private WarehouseServers() {
    }

    /** Stops the server: PostgreSQL's fast shutdown (every session terminated), MariaDB's shutdown. */
    static void stop(Kind kind) throws IOException, InterruptedException {
        switch (kind) {
            case POSTGRESQL -> run("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "stop", "--mode", "fast");
            case MARIADB -> run("mariadb-admin", "-h", "127.0.0.1", "-P", "3306", "-u", "root", "shutdown");
            default -> throw new IllegalArgumentException(kind + " is no server");
        }
        Awaitility.await().atMost(LIMIT).until(() -> !answers(kind));
        if (kind == Kind.MARIADB) {
            // mariadb-admin may return while mariadbd still exits, and a start would then find it running and do nothing
            Awaitility.await().atMost(LIMIT).pollInterval(Duration.ofMillis(100)).until(() -> !mariadbRuns());
        }
    }

    private static boolean mariadbRuns() throws IOException, InterruptedException {
        Process status = new ProcessBuilder("start-stop-daemon", "--status", "--exec", "/usr/sbin/mariadbd")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return status.waitFor() == 0; // 0: running, 3: not running
    }

    /** Starts the server unless it runs, and waits until it answers. */
    static void start(Kind kind) throws IOException, InterruptedException {
        if (!answers(kind)) {
            switch (kind) {
                case POSTGRESQL -> run("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "start");
                case MARIADB -> run("start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/mariadbd");
                default -> throw new IllegalArgumentException(kind + " is no server");
            }
        }
        Awaitility.await().atMost(LIMIT).pollInterval(Duration.ofMillis(100)).until(() -> answers(kind));
    }

    static boolean answers(Kind kind) {
        String url = kind == Kind.POSTGRESQL ? "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=2" : "jdbc:mariadb://127.0.0.1:3306/?connectTimeout=2000";
        try (Connection connection = DriverManager.getConnection(url, kind == Kind.POSTGRESQL ? "postgres" : "root", "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String postgresVersion() throws IOException {
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            return versions.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue());
        }
    }
}
