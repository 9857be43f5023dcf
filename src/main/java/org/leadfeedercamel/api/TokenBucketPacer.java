package org.leadfeedercamel.api;

import java.time.Clock;
import java.time.Duration;
import org.leadfeedercamel.run.StopSignal;

/**
 * Keeps requests inside the unified API's limit: a token bucket per key, N per second with bursts of
 * M (10 and 15 on {@code /v1}). One token of the burst is kept in reserve, because the API's bucket
 * sees a request when it arrives, not when it left, and two requests can arrive closer together than
 * they were sent.
 */
public final class TokenBucketPacer {

    private final double perMilli;
    private final double capacity;
    private final Clock clock;
    private final StopSignal stop;
    private double tokens;
    private long updated;

    /** {@code perSecond} requests a second with bursts of {@code burst}; 0 per second turns pacing off. */
    public TokenBucketPacer(int perSecond, int burst, Clock clock, StopSignal stop) {
        this.stop = stop;
        this.perMilli = perSecond / 1000.0;
        this.capacity = Math.max(1, burst - 1);
        this.clock = clock;
        this.tokens = capacity;
        this.updated = clock.millis();
    }

    /** Waits, if need be, until the bucket holds a token, and takes it. */
    public synchronized void acquire() throws InterruptedException {
        stop.check(); // no request leaves once the run is asked to stop
        if (perMilli <= 0) {
            return;
        }
        while (true) {
            long now = clock.millis();
            tokens = Math.min(capacity, tokens + (now - updated) * perMilli);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return;
            }
            stop.pause(Duration.ofMillis((long) Math.ceil((1 - tokens) / perMilli))); // the bucket refills with time
        }
    }
}
