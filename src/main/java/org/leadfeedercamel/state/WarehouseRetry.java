package org.leadfeedercamel.state;

import java.time.Duration;
import org.leadfeedercamel.config.DbRetrySettings;
import org.leadfeedercamel.run.StopSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a warehouse step again when it lost its connection ({@link ConnectionLoss}): a server restart
 * kills every pooled connection, and the pool opens new ones once the server answers again. A step is
 * run whole each time (a transaction rolled back with its connection is begun anew), so it must be safe
 * to repeat: upserts, state that is added once, reads. Any other failure, and the last one, is thrown as
 * it came. Each retry logs one WARN line.
 */
public final class WarehouseRetry {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseRetry.class);

    /** A warehouse step, run again whole on a retry. */
    @FunctionalInterface
    public interface Step<T, E extends Exception> {
        T run() throws E;
    }

    private final int maxAttempts;
    private final RetryBackoff backoff;
    private final String warehouse;

    /** {@code warehouse} names it in the log: its JDBC URL without a password. */
    public WarehouseRetry(DbRetrySettings settings, String warehouse, StopSignal stop) {
        this.maxAttempts = settings.maxAttempts();
        this.backoff = new RetryBackoff(settings.initialDelay(), settings.maxDelay(), stop);
        this.warehouse = warehouse;
    }

    /** Runs {@code step}; {@code what} says in the log what it was doing ("writing a page of ..."). */
    public <T, E extends Exception> T call(String what, Step<T, E> step) throws E, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.run();
            } catch (Exception e) {
                if (attempt >= maxAttempts || !ConnectionLoss.is(e)) {
                    throw e;
                }
                Duration delay = backoff.delayBefore(attempt + 1);
                LOG.warn("Lost the warehouse connection {} ({}); attempt {} of {} in {} ms, on a new connection to {}",
                        what, FailureReason.of(e), attempt + 1, maxAttempts, delay.toMillis(), warehouse);
                try {
                    backoff.pause(delay);
                } catch (InterruptedException stop) {
                    stop.addSuppressed(e);
                    throw stop;
                }
            }
        }
    }
}
