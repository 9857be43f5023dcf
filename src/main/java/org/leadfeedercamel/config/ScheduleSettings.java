package org.leadfeedercamel.config;

import java.time.Duration;

/** When {@code run} syncs: the cron, whether its trigger starts, and whether nodes share it through a clustered job store. */
public record ScheduleSettings(String cron, boolean enabled, boolean clustered, Duration checkinInterval) {
}
