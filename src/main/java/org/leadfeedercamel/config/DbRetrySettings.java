package org.leadfeedercamel.config;

import java.time.Duration;

/**
 * How a warehouse step that lost its connection is tried again: up to {@code maxAttempts} attempts in all,
 * the waits between them doubling from {@code initialDelay} up to {@code maxDelay}.
 */
public record DbRetrySettings(int maxAttempts, Duration initialDelay, Duration maxDelay) {
}
