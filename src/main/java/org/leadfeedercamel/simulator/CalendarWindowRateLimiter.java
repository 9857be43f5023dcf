package org.leadfeedercamel.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Leadfeeder's limit: N requests per token per fixed calendar window (a minute by default), reset
 * when the next window starts, not a sliding window.
 */
final class CalendarWindowRateLimiter {

    /** The outcome of one request: allowed, or refused with the seconds until the window resets. */
    record Decision(boolean allowed, long secondsToReset) {
    }

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, long[]> windows = new HashMap<>();

    CalendarWindowRateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    boolean enabled() {
        return limit > 0;
    }

    int limit() {
        return limit;
    }

    Duration window() {
        return Duration.ofMillis(windowMillis);
    }

    synchronized Decision acquire(String token) {
        if (!enabled()) {
            return new Decision(true, 0);
        }
        long now = clock.millis();
        long window = Math.floorDiv(now, windowMillis);
        long[] state = windows.computeIfAbsent(token, t -> new long[] {window, 0});
        if (state[0] != window) {
            state[0] = window;
            state[1] = 0;
        }
        if (state[1] >= limit) {
            long remaining = (window + 1) * windowMillis - now;
            return new Decision(false, Math.max(1, (remaining + 999) / 1000));
        }
        state[1]++;
        return new Decision(true, 0);
    }
}
