package org.leadfeedercamel.config;

import java.time.Duration;

/**
 * Requests to the API: timeouts, user agent, retries and their backoff, waits after a 429, the classic API's
 * rate limit, and how large an answer may be.
 */
public record HttpSettings(Duration connectTimeout, Duration responseTimeout, String userAgent, int retries,
                           Duration backoffInitial, Duration backoffMax, int rateLimitRetries, Duration maxRateLimitWait,
                           int rateLimitRequests, Duration rateLimitWindow, DataSize maxResponse) {
}
