package org.leadfeedercamel.sync;

import java.time.Clock;
import java.time.LocalDate;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.springframework.jdbc.core.JdbcTemplate;

/** The end-to-end suite's dataset and comparison, for tests in other packages (process tests). */
public final class SyncTestAccess {

    public static final LocalDate FROM = SyncEndToEndTest.FROM;
    public static final Clock CLOCK = SyncEndToEndTest.CLOCK;

    private SyncTestAccess() {
    }

    public static DatasetSpec dataset() {
        return SyncEndToEndTest.dataset();
    }

    public static void assertWarehouseEqualsSimulator(JdbcTemplate jdbc, LeadfeederSimulator simulator) {
        SyncEndToEndTest.assertWarehouseEqualsSimulator(jdbc, simulator);
    }
}
