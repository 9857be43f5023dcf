package org.leadfeedercamel.api;

import java.time.Duration;

/**
 * HTTP 429: wait for {@code Retry-After} when the API sends it, otherwise for what the API's limit
 * implies ({@code /v1}: its bucket refills within a second) or, classic, for the next window.
 */
public final class RateLimitedException extends ApiException {

    private final Long retryAfterSeconds;
    private final Duration limitWait;

    public RateLimitedException(Long retryAfterSeconds) {
        this(retryAfterSeconds, null);
    }

    public RateLimitedException(Long retryAfterSeconds, Duration limitWait) {
        super("Leadfeeder rate limit reached (HTTP 429)" + (retryAfterSeconds == null ? "" : ", Retry-After " + retryAfterSeconds + " s"));
        this.retryAfterSeconds = retryAfterSeconds;
        this.limitWait = limitWait;
    }

    /** How long the API's limit takes to let a request through again, when that is known without Retry-After. */
    public Duration limitWait() {
        return limitWait;
    }

    /** Seconds the API asked to wait, or null when it did not say. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
