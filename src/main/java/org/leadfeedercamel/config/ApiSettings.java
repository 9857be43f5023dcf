package org.leadfeedercamel.config;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The Leadfeeder API and what to read from it: the credential, which API it is for ({@code auto},
 * {@code classic}, {@code v1}), the accounts, the API's base URL, from when, in pages of what size,
 * how many days are re-read and how often the older of them, and how many results one search reaches.
 */
public record ApiSettings(String token, String generation, List<String> accountIds, URI baseUrl, LocalDate startDate,
                          int pageSize, int lookbackDays, Duration lookbackInterval, int resultCap) {

    /** Never prints the credential. */
    @Override
    public String toString() {
        return "ApiSettings[api=" + generation + ", accounts=" + (accountIds.isEmpty() ? "all" : accountIds) + ", baseUrl=" + baseUrl
                + ", startDate=" + startDate + ", pageSize=" + pageSize + ", lookbackDays=" + lookbackDays + ", lookbackInterval=" + lookbackInterval + "]";
    }
}
