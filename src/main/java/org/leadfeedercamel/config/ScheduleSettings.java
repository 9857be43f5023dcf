package org.leadfeedercamel.config;

import java.time.Duration;

/**
 * When {@code run} syncs: the cron, whether its trigger starts, whether it syncs once as it starts, and
 * whether nodes share it through a clustered job store.
 */
public record ScheduleSettings(String cron, boolean enabled, boolean syncOnStart, boolean clustered, Duration checkinInterval) {
}
