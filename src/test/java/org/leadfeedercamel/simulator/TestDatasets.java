package org.leadfeedercamel.simulator;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.leadfeedercamel.simulator.data.DatasetSpec;

/** Datasets the simulator tests share: small, absolute, and across both DST changes of 2025. */
final class TestDatasets {

    static final LocalDate FROM = LocalDate.parse("2025-03-01");
    static final LocalDate TO = LocalDate.parse("2025-04-30");
    static final String HELSINKI = "100001";
    static final String LOS_ANGELES = "100002";
    static final String KOLKATA = "100003";
    static final String LITE = "100004";

    private TestDatasets() {
    }

    /** Three premium accounts in Helsinki, Los Angeles and Kolkata (a half-hour offset), one lite account. */
    static DatasetSpec small() {
        return DatasetSpec.defaults()
                .withTimezones(List.of(ZoneId.of("Europe/Helsinki"), ZoneId.of("America/Los_Angeles"),
                        ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC")))
                .withNonPremiumAccounts(Set.of(LITE))
                .withRange(FROM, TO)
                .withVisitsPerAccount(3_000)
                .withCompaniesPerAccount(120);
    }
}
