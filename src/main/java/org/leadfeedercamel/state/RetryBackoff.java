package org.leadfeedercamel.state;

import java.time.Duration;

/**
 * The waits between attempts of a warehouse step: the first delay, doubling up to the cap. {@link #pause}
 * is the one place a run waits for the warehouse to come back.
 */
public final class RetryBackoff {

    private final Duration initialDelay;
    private final Duration maxDelay;

    public RetryBackoff(Duration initialDelay, Duration maxDelay) {
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
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
     * Waits {@code delay}. An interrupt (the sync asked to stop) ends the wait at once and is rethrown, so
     * a stop never waits out a backoff; a stop signal of its own can replace the sleep here.
     */
    public void pause(Duration delay) throws InterruptedException {
        Thread.sleep(delay.toMillis());
    }
}
