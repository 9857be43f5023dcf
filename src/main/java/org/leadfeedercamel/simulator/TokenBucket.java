package org.leadfeedercamel.simulator;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The unified API's limit: a token bucket per key that holds {@code burst} tokens and refills at
 * {@code perSecond}, on the simulator's clock, so a test moving a clock by hand sees it refill exactly.
 */
final class TokenBucket {

    /** The outcome of one request: allowed, or refused with whole seconds until a token is back (at least 1). */
    record Decision(boolean allowed, long secondsToToken) {
    }

    private final double perSecond;
    private final int burst;
    private final Clock clock;
    /** Per key: tokens left, and when they were counted (epoch millis). */
    private final Map<String, double[]> buckets = new HashMap<>();

    TokenBucket(double perSecond, int burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    synchronized Decision acquire(String key) {
        if (perSecond == 0) {
            return new Decision(true, 0);
        }
        long now = clock.millis();
        double[] bucket = buckets.computeIfAbsent(key, k -> new double[] {burst, now});
        bucket[0] = Math.min(burst, bucket[0] + (now - bucket[1]) * perSecond / 1000.0);
        bucket[1] = now;
        if (bucket[0] >= 1) {
            bucket[0] -= 1;
            return new Decision(true, 0);
        }
        return new Decision(false, Math.max(1, (long) Math.ceil((1 - bucket[0]) / perSecond)));
    }
}
