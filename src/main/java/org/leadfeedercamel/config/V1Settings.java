package org.leadfeedercamel.config;

/** The unified API's limits per key: its request rate and burst, and its monthly quota with the share warned from. */
public record V1Settings(int requestsPerSecond, int burst, int monthlyQuota, int quotaWarningPercent) {
}
