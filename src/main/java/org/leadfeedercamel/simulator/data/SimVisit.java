package org.leadfeedercamel.simulator.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A `visits` resource. `date` and `hour` are account-local; `startedAt` is UTC with milliseconds. */
public record SimVisit(
        String id,
        String accountId,
        String leadId,
        String locationId,
        String source,
        String medium,
        String referringUrl,
        String landingPagePath,
        List<SimRoutePage> route,
        String keyword,
        Instant startedAt,
        String campaign,
        String queryTerm,
        String lfClientId,
        List<String> gaClientIds,
        String countryCode,
        String deviceType,
        String visitorEmail,
        String visitorFirstName,
        String visitorLastName,
        LocalDate date,
        int hour) {

    public int pageDepth() {
        return route.size();
    }

    public int visitLength() {
        int total = 0;
        for (SimRoutePage page : route) {
            total += page.timeOnPage();
        }
        return total;
    }
}
