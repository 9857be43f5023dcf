package org.leadfeedercamel.state;

import java.time.Duration;
import org.leadfeedercamel.run.StopSignal;

/**
 * The waits between attempts of a warehouse step: the first delay, doubling up to the cap. {@link #pause}
 * is the one place a run waits for the warehouse to come back.
 */
public final class RetryBackoff {

    private final Duration initialDelay;
    private final Duration maxDelay;
    private final StopSignal stop;

    public RetryBackoff(Duration initialDelay, Duration maxDelay, StopSignal stop) {
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.stop = stop;
    }

    /** The wait before attempt {@code attempt} (2 for the first retry). */
    public Duration delayBefore(int attempt) {
        Duration delay = initialDelay;
        for (int i = 2; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /**
     * Waits {@code delay}; a stop of the run ends the wait at once ({@link org.leadfeedercamel.run.SyncStoppedException}),
     * and so does an interrupt (rethrown), so a stop never waits out a backoff.
     */
    public void pause(Duration delay) throws InterruptedException {
        stop.pause(delay);
    }
}
