package org.leadfeedercamel.api;

/** HTTP 429: wait for {@code Retry-After} when the API sends it, otherwise for the next minute. */
public final class RateLimitedException extends ApiException {

    private final Long retryAfterSeconds;

    public RateLimitedException(Long retryAfterSeconds) {
        super("Leadfeeder rate limit reached (HTTP 429)" + (retryAfterSeconds == null ? "" : ", Retry-After " + retryAfterSeconds + " s"));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds the API asked to wait, or null when it did not say. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
