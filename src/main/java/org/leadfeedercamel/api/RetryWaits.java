package org.leadfeedercamel.api;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.leadfeedercamel.run.StopSignal;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.run.SyncStoppedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before each redelivery of an API request: counts the retry, says why in the log, and waits: for
 * a 429 as long as the API asks (Retry-After, capped) or until its rate-limit window turns, otherwise an
 * exponential backoff with jitter. The waits are here rather than in Camel's redelivery delay so that a
 * stop ends them at once.
 */
public final class RetryWaits implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RetryWaits.class);
    /** Spread of a backoff either way, so instances that failed together do not retry together. */
    private static final double JITTER = 0.15;

    private final Clock clock;
    private final Duration rateWindow;
    private final Duration maxWait;
    private final Duration backoffInitial;
    private final Duration backoffMax;
    private final StopSignal stop;

    public RetryWaits(Clock clock, Duration rateWindow, Duration maxWait, Duration backoffInitial, Duration backoffMax, StopSignal stop) {
        this.clock = clock;
        this.rateWindow = rateWindow;
        this.maxWait = maxWait;
        this.backoffInitial = backoffInitial;
        this.backoffMax = backoffMax;
        this.stop = stop;
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        if (run != null) {
            run.retried();
        }
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int redelivery = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class);
        Duration wait;
        if (cause instanceof RateLimitedException limited) {
            if (run != null) {
                run.rateLimited();
            }
            wait = rateLimitWait(limited);
            LOG.warn("{}; waiting {} ms before attempt {}", limited.getMessage(), wait.toMillis(), redelivery + 1);
        } else {
            wait = backoff(redelivery);
            LOG.warn("Request failed ({}); attempt {} follows in {} ms", cause == null ? "unknown" : cause.getMessage(),
                    redelivery + 1, wait.toMillis());
        }
        try {
            stop.pause(wait);
        } catch (SyncStoppedException stopped) {
            // cut short: the attempt that follows stops before it sends (the pacing checks), and is not retried
        }
    }

    Duration rateLimitWait(RateLimitedException limited) {
        Duration wait;
        if (limited.retryAfterSeconds() != null) {
            wait = Duration.ofSeconds(limited.retryAfterSeconds());
        } else if (limited.limitWait() != null) {
            wait = limited.limitWait();
        } else {
            long window = rateWindow.toMillis();
            long now = clock.millis();
            wait = Duration.ofMillis(window - Math.floorMod(now, window) + 100); // just past the window's turn
        }
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }

    /** The wait before redelivery {@code n} (1, 2, ...): the initial backoff, doubled each time, capped, ± 15 %. */
    Duration backoff(int n) {
        double doubled = backoffInitial.toMillis() * Math.pow(2, Math.max(0, n - 1));
        double capped = Math.min(doubled, backoffMax.toMillis());
        return Duration.ofMillis(Math.round(capped * (1 + JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1))));
    }
}
