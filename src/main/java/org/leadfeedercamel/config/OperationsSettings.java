package org.leadfeedercamel.config;

import java.time.Duration;

/** How a running sync reports: progress at most this often; readiness down when the last success is older than this. */
public record OperationsSettings(Duration progressInterval, Duration maxSyncAge) {
}
