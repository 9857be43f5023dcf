package org.leadfeedercamel.api;

import java.time.Clock;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.leadfeedercamel.run.SyncRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs before each redelivery of an API request: counts the retry, says why in the log, and for a
 * 429 waits as long as the API asks (Retry-After, capped) or until its rate-limit window turns.
 */
public final class RetryWaits implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RetryWaits.class);

    private final Clock clock;
    private final Duration rateWindow;
    private final Duration maxWait;

    public RetryWaits(Clock clock, Duration rateWindow, Duration maxWait) {
        this.clock = clock;
        this.rateWindow = rateWindow;
        this.maxWait = maxWait;
    }

    @Override
    public void process(Exchange exchange) throws InterruptedException {
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        if (run != null) {
            run.retried();
        }
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        int attempt = exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 1, Integer.class) + 1;
        if (cause instanceof RateLimitedException limited) {
            if (run != null) {
                run.rateLimited();
            }
            Duration wait = rateLimitWait(limited);
            LOG.warn("{}; waiting {} ms before attempt {}", limited.getMessage(), wait.toMillis(), attempt);
            Thread.sleep(wait.toMillis()); // the wait the API asked for; the run cannot proceed sooner
        } else {
            LOG.warn("Request failed ({}); attempt {} follows", cause == null ? "unknown" : cause.getMessage(), attempt);
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
}
