package org.leadfeedercamel.simulator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Requests a key may make per UTC calendar month; the count starts over when the month turns. */
final class MonthlyQuota {

    private final int quota;
    private final Clock clock;
    private final Map<String, Integer> used = new HashMap<>();

    MonthlyQuota(int quota, Clock clock) {
        this.quota = quota;
        this.clock = clock;
    }

    int quota() {
        return quota;
    }

    /** Counts one request of {@code key}; false, and not counted, when this month's quota is used up. */
    synchronized boolean spend(String key) {
        String slot = slot(key);
        int count = used.getOrDefault(slot, 0);
        if (count >= quota) {
            return false;
        }
        used.put(slot, count + 1);
        return true;
    }

    synchronized int used(String key) {
        return used.getOrDefault(slot(key), 0);
    }

    /** The first day of the next UTC month, when the count starts over. */
    LocalDate nextReset() {
        return month().plusMonths(1).atDay(1);
    }

    private String slot(String key) {
        return key + "@" + month();
    }

    private YearMonth month() {
        return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }
}
