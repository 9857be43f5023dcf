package org.leadfeedercamel.state;

import org.leadfeedercamel.run.StopSignal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.config.DbRetrySettings;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.TestWarehouses.Kind;

/** A warehouse step is tried again on a new connection after a lost one, within its bounds, and only then. */
class WarehouseRetryTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";

    private static WarehouseRetry retry(int attempts, Duration initialDelay) {
        return new WarehouseRetry(new DbRetrySettings(attempts, initialDelay, Duration.ofSeconds(1)), POSTGRES, new StopSignal());
    }

    /** Opens a new connection and ends its own session on the server, as a restart ends every session. */
    private static int sessionEndedByTheServer() throws Exception {
        try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pg_backend_pid())");
            return 0;
        }
    }

    @Test
    void aStepThatLostItsConnectionIsRunAgainOnANewOne() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        int answer = retry(3, Duration.ofMillis(1)).call("answering", () -> {
            if (attempts.incrementAndGet() == 1) {
                return sessionEndedByTheServer();
            }
            try (Connection connection = DriverManager.getConnection(POSTGRES, "postgres", "");
                 Statement statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT 42")) {
                result.next();
                return result.getInt(1);
            }
        });

        assertThat(answer).isEqualTo(42);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aConstraintErrorIsThrownAtOnceAsItCame() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        try (TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(Kind.POSTGRESQL);
             Connection connection = DriverManager.getConnection(warehouse.url(), warehouse.user(), "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO t VALUES (1)");

            Throwable failure = catchThrowable(() -> retry(5, Duration.ofMillis(1)).call("inserting", () -> {
                attempts.incrementAndGet();
                return statement.executeUpdate("INSERT INTO t VALUES (1)");
            }));

            assertThat(failure).isInstanceOf(java.sql.SQLException.class).hasMessageContaining("duplicate key");
            assertThat(attempts).hasValue(1);
        }
    }

    @Test
    void theLastAttemptsFailureIsThrownWhenTheConnectionStaysLost() {
        AtomicInteger attempts = new AtomicInteger();

        Throwable failure = catchThrowable(() -> retry(3, Duration.ofMillis(1)).call("answering", () -> {
            attempts.incrementAndGet();
            return sessionEndedByTheServer();
        }));

        assertThat(ConnectionLoss.is(failure)).isTrue();
        assertThat(attempts).hasValue(3);
    }

    @Test
    void theWaitsDoubleUpToTheCap() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(15), new StopSignal());

        assertThat(java.util.stream.IntStream.rangeClosed(2, 7).mapToObj(backoff::delayBefore).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 15L, 15L);
    }

    @Test
    void aStopInterruptsTheWaitAtOnce() throws Exception {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        // a wait of ten minutes before the second attempt: only an interrupt ends it in time
        Thread sync = new Thread(() -> outcome.complete(catchThrowable(() -> retry(2, Duration.ofMinutes(10))
                .call("answering", WarehouseRetryTest::sessionEndedByTheServer))));
        sync.start();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sync.getState() == Thread.State.TIMED_WAITING);

        sync.interrupt();
        Throwable failure = outcome.get(5, TimeUnit.SECONDS);

        assertThat(failure).isInstanceOf(InterruptedException.class);
        assertThat(ConnectionLoss.is(failure.getSuppressed()[0])).isTrue();
    }
}
