package org.leadfeedercamel.simulator.data;

import java.time.ZoneId;
import java.util.List;

/** A Leadfeeder account as the simulator serves it (classic API `accounts` resource). */
public record SimAccount(
        int index,
        String id,
        String name,
        ZoneId timezone,
        String subscription,
        boolean onTrial,
        List<String> subscriptionAddons,
        String websiteTrackingStatus,
        String hostname) {

    /** Leads and visits need a paid plan; anything else answers 402. */
    public boolean premium() {
        return "premium".equals(subscription);
    }
}
