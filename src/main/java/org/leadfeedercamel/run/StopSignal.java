package org.leadfeedercamel.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Asks an instance's sync to stop: set by a signal (SIGTERM, SIGINT) or by its CamelContext stopping.
 * A run checks it at every page boundary, and every wait of a run (pacing, a retry's backoff, the lock)
 * waits on it, so a stop ends the run within a page instead of after the wait.
 */
public final class StopSignal {

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile String reason;

    /** Asks the run to stop; the first reason stays. */
    public synchronized void request(String why) {
        if (reason == null) {
            reason = why;
            stopped.countDown();
        }
    }

    public boolean requested() {
        return reason != null;
    }

    /** Throws when a stop was asked for: the run ends here, between two pages. */
    public void check() {
        if (reason != null) {
            throw new SyncStoppedException(reason);
        }
    }

    /** Waits {@code wait}, or less when a stop is asked for meanwhile, which then throws. */
    public void pause(Duration wait) throws InterruptedException {
        if (!wait.isNegative() && !wait.isZero()) {
            stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        }
        check();
    }
}
