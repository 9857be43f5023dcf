package org.leadfeedercamel.sync;

import org.leadfeedercamel.run.StopSignal;
import org.leadfeedercamel.run.SyncRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadfeedercamel.reliability.ReliabilityReport;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.sql.Dialect;
import org.leadfeedercamel.sql.SqlStatements;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.TestWarehouses.Kind;
import org.leadfeedercamel.state.SyncLock;
import org.leadfeedercamel.state.WarehouseRetry;

/**
 * The run lock belongs to one warehouse: a schema (PostgreSQL, H2) or a database (MariaDB). Syncs into
 * two schemas of one server, as schema-per-client estates run them, never exclude each other; two
 * into the same one still do.
 */
@Tag("reliability")
class WarehouseLockTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void syncsIntoTwoWarehousesOfOneServerRunSideBySideAndTwoIntoOneStillExcludeEachOther(Kind kind) throws Exception {
        try (LeadfeederSimulator simulator = SyncEndToEndTest.simulator(SyncEndToEndTest.dataset().withVisitsPerAccount(200)).start();
             TestWarehouses.TestWarehouse clientA = TestWarehouses.fresh(kind);
             TestWarehouses.TestWarehouse clientB = TestWarehouses.fresh(kind);
             SyncHarness intoA = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, SyncEndToEndTest.START, clientA);
             SyncHarness intoB = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, SyncEndToEndTest.START, clientB)) {
            // a sync of client A's warehouse is running: it holds A's lock, as the sync itself takes it
            SyncLock running = new SyncLock(intoA.dataSource, new SqlStatements(Dialect.of(intoA.dataSource), "raw_leadfeeder__"),
                    Duration.ZERO, SyncEndToEndTest.CLOCK, new WarehouseRetry(intoA.settings.warehouse().retry(), "test", new StopSignal()),
                    new StopSignal());
            running.acquire();
            SyncRun besideIt;
            SyncRun sameWarehouse;
            try {
                besideIt = intoB.once();
                sameWarehouse = intoA.once();
            } finally {
                running.release();
            }

            assertThat(besideIt.status()).as(besideIt.error()).isEqualTo(SyncRun.Status.SUCCEEDED);
            SyncEndToEndTest.assertWarehouseEqualsSimulator(intoB);
            assertThat(sameWarehouse.status()).isEqualTo(SyncRun.Status.FAILED);
            assertThat(sameWarehouse.error()).contains("another sync is running against this warehouse");
            assertThat(intoA.count("raw_leadfeeder__visits")).isZero();
            assertThat(intoA.once().status()).as("once the first has finished").isEqualTo(SyncRun.Status.SUCCEEDED);
            if (kind != Kind.H2) {
                ReliabilityReport.record("Two warehouses on one server (" + kind + ")", "a sync holding the lock of one "
                        + (kind == Kind.MARIADB ? "database" : "schema") + " while others sync into a second one and into the same one",
                        "the second warehouse synced in full beside it; the sync into the same one stopped with 'another sync is "
                                + "running against this warehouse' and synced once the lock was free");
            }
        }
    }
}
