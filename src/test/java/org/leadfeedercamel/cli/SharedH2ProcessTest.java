package org.leadfeedercamel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadfeedercamel.simulator.FaultSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;

/**
 * {@code run} holds the default H2 warehouse (./data): {@code status} beside it reads it, and a second
 * {@code once} says a sync is running instead of failing on H2's file lock; the running sync goes on.
 */
class SharedH2ProcessTest {

    @TempDir
    Path work;

    private int runs(String db, String status) throws Exception {
        try (Connection c = DriverManager.getConnection(db);
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM leadfeeder_sync_runs WHERE status = '" + status + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void statusAndASecondOnceWorkBesideRunOnTheDefaultH2Warehouse() throws Exception {
        // every answer 700 ms late: the scheduled sync (about 46 requests) is still running while the others come
        try (LeadfeederSimulator slow = LeadfeederSimulator.builder().token("shared-token")
                .faults(new FaultSettings(1, 0, 1.0, 700, 0, 0, 0)).start()) {
            Map<String, String> env = Map.of("LEADFEEDER_API_TOKEN", "shared-token", "LEADFEEDER_BASE_API_URL", slow.baseUrl(),
                    "LEADFEEDER_API", "classic", "LEADFEEDER_SCHEDULE", "* * * * * ?");
            Process run = ConnectorProcess.start(work, env, List.of("-Dcamel.management.port=0"), "run");
            String db = "jdbc:h2:file:" + work.resolve("data/leadfeeder") + ";AUTO_SERVER=TRUE;IFEXISTS=TRUE";
            try {
                Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> runs(db, "running") == 1);

                ConnectorProcess.Result status = ConnectorProcess.run(work, work.resolve("status.log"), env, List.of(), "status");
                ConnectorProcess.Result once = ConnectorProcess.run(work, work.resolve("once.log"), env, List.of(), "once");

                assertThat(status.exitCode()).as(status.output()).isZero();
                assertThat(status.output()).contains("incremental running");
                assertThat(once.exitCode()).as(once.output()).isEqualTo(1);
                assertThat(once.output()).contains("another sync is running against this warehouse").doesNotContain("locked");
                Awaitility.await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> runs(db, "succeeded") >= 1);
                assertThat(run.isAlive()).isTrue();
            } finally {
                run.destroy();
                assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(Files.readString(work.resolve("connector-output.log"))).doesNotContain("Exception");
        }
    }
}
