package org.leadfeedercamel.api;

import java.time.Clock;
import java.time.Duration;
import org.leadfeedercamel.run.StopSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every request of this token inside the API's budget: N per fixed calendar window (100 per
 * minute on the classic API), shared by all accounts and streams, so an honest run never draws a 429.
 * One request per window is kept in reserve: requests go one at a time, so at most one can leave in the
 * last moment of a window and be counted by the API in the next.
 */
public final class RequestPacer {

    private static final Logger LOG = LoggerFactory.getLogger(RequestPacer.class);

    private final int budget;
    private final long windowMillis;
    private final Clock clock;
    private final StopSignal stop;
    private long window = Long.MIN_VALUE;
    private int used;

    /** {@code limit} requests per {@code window}; 0 turns pacing off. */
    public RequestPacer(int limit, Duration window, Clock clock, StopSignal stop) {
        this.budget = limit <= 1 ? limit : limit - 1;
        this.windowMillis = window.toMillis();
        this.clock = clock;
        this.stop = stop;
    }

    /** Waits, if need be, until the current window has room for one more request, and takes it. */
    public synchronized void acquire() throws InterruptedException {
        stop.check(); // no request leaves once the run is asked to stop
        if (budget <= 0) {
            return;
        }
        while (true) {
            long now = clock.millis();
            long current = Math.floorDiv(now, windowMillis);
            if (current != window) {
                window = current;
                used = 0;
            }
            if (used < budget) {
                used++;
                return;
            }
            long wait = (current + 1) * windowMillis - now;
            LOG.debug("Request budget of this window used ({} requests); waiting {} ms for the next", budget, wait);
            stop.pause(Duration.ofMillis(wait)); // waiting for the API's next window is the point, unless the run is stopped
        }
    }
}
