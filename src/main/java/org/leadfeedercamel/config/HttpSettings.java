package org.leadfeedercamel.config;

import java.time.Duration;

/** Requests to the API: timeouts, user agent, retries and their backoff, waits after a 429, and the classic API's rate limit. */
public record HttpSettings(Duration connectTimeout, Duration responseTimeout, String userAgent, int retries,
                           Duration backoffInitial, Duration backoffMax, int rateLimitRetries, Duration maxRateLimitWait,
                           int rateLimitRequests, Duration rateLimitWindow) {
}
