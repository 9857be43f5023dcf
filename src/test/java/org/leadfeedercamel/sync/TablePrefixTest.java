package org.leadfeedercamel.sync;

import org.leadfeedercamel.run.SyncRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.TestWarehouses.Kind;

/**
 * LEADFEEDER_TABLE_PREFIX changed on an existing warehouse: the new prefix gets its own tables and its
 * own state and is filled from the start date; the old prefix's tables are left as they were, and its
 * state is still its own when it is used again.
 */
class TablePrefixTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNewTablePrefixOnAnExistingWarehouseIsSyncedFromTheStartIntoTablesOfItsOwn(Kind kind) throws Exception {
        Map<String, String> renamed = new HashMap<>(SyncEndToEndTest.START);
        renamed.put(SyncSettings.TABLE_PREFIX, "client_a__");
        try (LeadfeederSimulator simulator = SyncEndToEndTest.simulator(SyncEndToEndTest.dataset().withVisitsPerAccount(400)).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind)) {
            SyncRun first;
            try (SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, SyncEndToEndTest.START, warehouse)) {
                first = sync.once();
                assertThat(first.status()).as(first.error()).isEqualTo(SyncRun.Status.SUCCEEDED);
            }

            try (SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, renamed, warehouse)) {
                SyncRun run = sync.once();

                assertThat(run.status()).as(run.error()).isEqualTo(SyncRun.Status.SUCCEEDED);
                assertThat(run.requests()).as("a first sync from the start date")
                        .isEqualTo(SyncEndToEndTest.minimumRequests(simulator, SyncEndToEndTest.FROM, SyncEndToEndTest.todayPerAccount(simulator)));
                SyncEndToEndTest.assertWarehouseEqualsSimulator(sync.jdbc, simulator, "client_a__");
                assertThat(sync.jdbc.queryForList("SELECT DISTINCT _run_id FROM raw_leadfeeder__visits", String.class))
                        .as("the old prefix's tables are left alone").containsExactly(first.runId());
                SyncEndToEndTest.assertWarehouseEqualsSimulator(sync.jdbc, simulator, "raw_leadfeeder__");
            }

            try (SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, SyncEndToEndTest.START, warehouse)) {
                SyncRun again = sync.once();

                assertThat(again.status()).as(again.error()).isEqualTo(SyncRun.Status.SUCCEEDED);
                assertThat(again.requests()).as("the old prefix's state is its own: only today is read again")
                        .isEqualTo(SyncEndToEndTest.lookbackRequests(simulator, 1));
            }
        }
    }
}
