package org.leadfeedercamel.sync;

import org.leadfeedercamel.run.SyncRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.operations.SyncMetrics;
import org.leadfeedercamel.reliability.ReliabilityReport;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.simulator.data.ExpectedRows;
import org.leadfeedercamel.simulator.data.SimAccount;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.TestWarehouses.Kind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The end-to-end suite of the classic API ({@link SyncEndToEndTest}) for the unified API ({@code /v1},
 * {@code X-Api-Key}): the same dataset over real HTTP into H2, PostgreSQL and MariaDB. {@code /v1}
 * dates are UTC dates, so the first sync starts a day before the dataset's first local day.
 */
@Tag("reliability")
class V1SyncEndToEndTest {

    static final String KEY = "v1-key";
    /** The UTC day the dataset's first local day begins in, for its UTC+3 account. */
    static final LocalDate UTC_FROM = SyncEndToEndTest.FROM.minusDays(1);
    static final Map<String, String> V1 = Map.of(SyncSettings.API, "v1", SyncSettings.API_TOKEN, KEY,
            SyncSettings.START_DATE, UTC_FROM.toString());

    static LeadfeederSimulator.Builder simulator(DatasetSpec spec) {
        return LeadfeederSimulator.builder().dataset(spec).clock(SyncEndToEndTest.CLOCK).token("tok").apiKey(KEY)
                .requestsPerWindow(0).v1RequestsPerSecond(0);
    }

    /** UTC today of the fixed clock: the last day every /v1 window reaches. */
    static LocalDate today() {
        return LocalDate.now(SyncEndToEndTest.CLOCK.withZone(ZoneOffset.UTC));
    }

    /** The warehouse equals what /v1 served for [UTC_FROM, today], table by table, column by column. */
    static void assertWarehouseEqualsSimulator(JdbcTemplate jdbc, LeadfeederSimulator simulator) {
        ExpectedRows expected = new ExpectedRows(simulator.dataset());
        List<Map<String, Object>> visits = new ArrayList<>();
        List<Map<String, Object>> routes = new ArrayList<>();
        List<Map<String, Object>> leads = new ArrayList<>();
        List<Map<String, Object>> locations = new ArrayList<>();
        List<Map<String, Object>> accounts = new ArrayList<>();
        for (SimAccount account : simulator.dataset().accounts()) {
            visits.addAll(expected.v1Visits(account.id(), UTC_FROM, today()));
            routes.addAll(expected.v1VisitRoutes(account.id(), UTC_FROM, today()));
            leads.addAll(expected.v1Leads(account.id(), UTC_FROM, today()));
            locations.addAll(expected.v1Locations(account.id(), UTC_FROM, today()));
            Map<String, Object> row = new HashMap<>();
            row.put("account_id", account.id());
            row.put("name", account.name());
            row.put("timezone", null); // /v1 tells only names
            row.put("subscription", null);
            row.put("on_trial", null);
            row.put("website_tracking_status", null);
            accounts.add(row);
        }
        WarehouseTables.assertEquals(jdbc, "raw_leadfeeder__accounts", List.of("account_id"), accounts);
        WarehouseTables.assertEquals(jdbc, "raw_leadfeeder__visits", List.of("account_id", "visit_id"), visits);
        WarehouseTables.assertEquals(jdbc, "raw_leadfeeder__visit_routs", List.of("account_id", "visit_id", "page_number"), routes);
        WarehouseTables.assertEquals(jdbc, "raw_leadfeeder__leads", List.of("account_id", "lead_id"), leads);
        WarehouseTables.assertEquals(jdbc, "raw_leadfeeder__locations", List.of("account_id", "location_id"), locations);
    }

    /** 1 + Σ over account × stream of max(1, ceil(rows / 100)): the fewest requests a sync without splits needs. */
    static int minimumRequests(LeadfeederSimulator simulator, LocalDate from, LocalDate to) {
        int requests = 1;
        for (SimAccount account : simulator.dataset().accounts()) {
            int visits = simulator.dataset().visits(account.id(), from, to, ZoneOffset.UTC, 0, 0).total();
            int companies = simulator.dataset().companyLocations(account.id(), from, to, ZoneOffset.UTC).size();
            requests += Math.max(1, (visits + 99) / 100) + Math.max(1, (companies + 99) / 100);
        }
        return requests;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFirstSyncLoadsExactlyWhatTheApiServesWithTheFewestRequests(Kind kind) throws Exception {
        try (LeadfeederSimulator simulator = simulator(SyncEndToEndTest.dataset()).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, V1, warehouse)) {
            SyncRun run = sync.once();

            assertThat(run.error()).isNull();
            assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertWarehouseEqualsSimulator(sync.jdbc, simulator);
            int minimum = minimumRequests(simulator, UTC_FROM, today());
            assertThat(run.requests()).isEqualTo(minimum);
            assertThat(simulator.stats().requests()).isEqualTo(minimum);
            Map<String, Object> log = sync.jdbc.queryForMap("SELECT * FROM leadfeeder_sync_runs WHERE run_id = ?", run.runId());
            assertThat(log.get("API")).isEqualTo("v1");
            assertThat(((Number) log.get("API_QUOTA_USED")).intValue()).isEqualTo(minimum);
            assertThat(log.get("WARNINGS")).isNull();
            assertThat(sync.instance.metrics().registry()
                    .get("leadfeeder.api.quota.used").gauge().value()).isEqualTo(minimum);
            assertThat(sync.jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visit_routs WHERE has_met_goals", Integer.class))
                    .isPositive();
            assertThat(sync.jdbc.queryForList("SELECT DISTINCT event_type FROM raw_leadfeeder__visit_routs", String.class))
                    .containsExactly("page-view");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSecondRunAddsNothingReadsOnlyTodayAndCountsTheMonthsQuota(Kind kind) throws Exception {
        try (LeadfeederSimulator simulator = simulator(SyncEndToEndTest.dataset()).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, V1, warehouse)) {
            SyncRun first = sync.once();
            Map<List<Object>, Map<String, Object>> visits = WarehouseTables.read(sync.jdbc, "raw_leadfeeder__visits", List.of("account_id", "visit_id"));

            SyncRun second = sync.once();

            assertThat(second.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertThat(WarehouseTables.read(sync.jdbc, "raw_leadfeeder__visits", List.of("account_id", "visit_id"))).isEqualTo(visits);
            assertWarehouseEqualsSimulator(sync.jdbc, simulator);
            // the older lookback days were read whole after they ended, moments ago: not again before leadfeeder.lookback-interval
            assertThat(second.requests()).isEqualTo(minimumRequests(simulator, today(), today()));
            assertThat(sync.jdbc.queryForObject("SELECT api_quota_used FROM leadfeeder_sync_runs WHERE run_id = ?", Integer.class,
                    second.runId())).isEqualTo(first.requests() + second.requests());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void windowsOverTheCapAreSplitBeforeReadingAndADayOverItIsReportedLoudly(Kind kind) throws Exception {
        DatasetSpec busy = SyncEndToEndTest.dataset().withBusyDays(1, 700);
        Map<String, String> cap = new HashMap<>(V1);
        cap.put(SyncSettings.RESULT_CAP, "500");
        try (LeadfeederSimulator simulator = simulator(busy).resultCap(500).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, cap, warehouse)) {
            SyncRun run = sync.once();

            assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertThat(run.warnings()).isNotEmpty().allSatisfy(w -> assertThat(w).contains("visits on 2025-", "cap"));
            assertThat(simulator.stats().withStatus(416)).as("split on the reported total, never paged into the 416").isZero();
            for (SimAccount account : simulator.dataset().accounts()) {
                int served = 0;
                for (LocalDate day = UTC_FROM; !day.isAfter(today()); day = day.plusDays(1)) {
                    served += Math.min(500, simulator.dataset().visits(account.id(), day, day, ZoneOffset.UTC, 0, 0).total());
                }
                assertThat(sync.jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits WHERE account_id = ?",
                        Integer.class, account.id())).isEqualTo(served);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSearchDeeperThanTheApiServesAnswers416AndIsReadAgainInHalves(Kind kind) throws Exception {
        // the connector believes the default 10,000; this API serves 300 rows per search, as a shallower one might
        try (LeadfeederSimulator simulator = simulator(SyncEndToEndTest.dataset()).resultCap(300).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, V1, warehouse)) {
            SyncRun run = sync.once();

            assertThat(run.error()).isNull();
            assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertThat(simulator.stats().withStatus(416)).isPositive();
            assertWarehouseEqualsSimulator(sync.jdbc, simulator);
            if (kind == Kind.H2) {
                ReliabilityReport.record("/v1 search past its depth", "HTTP 416 offset_exceeded at a depth of 300 rows, the connector expecting 10,000",
                        simulator.stats().withStatus(416) + " × 416, each window read again as halves; tables equal the API's rows");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAccountWithoutEntitlementIsSkippedAndTheOthersSync(Kind kind) throws Exception {
        DatasetSpec spec = SyncEndToEndTest.dataset().withNonPremiumAccounts(Set.of("100002"));
        try (LeadfeederSimulator simulator = simulator(spec).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, V1, warehouse)) {
            SyncRun run = sync.once();

            assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertThat(run.warnings()).singleElement().asString().contains("100002", "HTTP 403 insufficient_entitlements");
            assertThat(sync.jdbc.queryForList("SELECT DISTINCT account_id FROM raw_leadfeeder__visits", String.class))
                    .containsExactly("100001");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRefusedKeyStopsTheRunWithOneClearLineAndNoRetries(Kind kind) throws Exception {
        Map<String, String> wrong = new HashMap<>(V1);
        wrong.put(SyncSettings.API_TOKEN, "wrong-key");
        try (LeadfeederSimulator simulator = simulator(SyncEndToEndTest.dataset()).start();
             LeadfeederSimulator docs = simulator(SyncEndToEndTest.dataset()).v1DocsErrors(true).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, wrong, warehouse)) {
            SyncRun run = sync.once();

            assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
            assertThat(run.error()).contains("refused the API key (HTTP 401 invalid_api_key)").doesNotContain("wrong-key")
                    .doesNotContain("\n");
            assertThat(simulator.stats().requests()).isEqualTo(1);

            // the documentation's shape: 403 with a flat {code, message}
            try (SyncHarness docsSync = new SyncHarness(docs, SyncEndToEndTest.CLOCK, wrong, TestWarehouses.fresh(Kind.H2))) {
                SyncRun refused = docsSync.once();
                assertThat(refused.error()).contains("refused the API key (HTTP 403 invalid_api_key)");
                assertThat(docs.stats().requests()).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSpentMonthlyQuotaStopsTheRunAndANearlySpentOneIsWarnedAbout(Kind kind) throws Exception {
        Map<String, String> quota = new HashMap<>(V1);
        quota.put(SyncSettings.V1_MONTHLY_QUOTA, "20");
        quota.put(SyncSettings.V1_QUOTA_WARNING, "50");
        try (LeadfeederSimulator simulator = simulator(SyncEndToEndTest.dataset()).v1MonthlyQuota(20).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, quota, warehouse)) {
            SyncRun run = sync.once();

            assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
            assertThat(run.error()).contains("monthly request quota is used up (HTTP 429 quota_exceeded)").doesNotContain("\n");
            assertThat(run.requests()).as("no retries of a spent quota").isEqualTo(21);
            assertThat(run.warnings()).anySatisfy(w -> assertThat(w).contains("has used 21 of its 20 requests this month"));
            assertThat(sync.jdbc.queryForObject("SELECT api_quota_used FROM leadfeeder_sync_runs WHERE run_id = ?", Integer.class,
                    run.runId())).isEqualTo(21);
            if (kind == Kind.H2) {
                ReliabilityReport.record("/v1 monthly quota spent", "HTTP 429 quota_exceeded after 20 requests",
                        "the run stopped at once with one line (no retries), the run log holding the quota used and a warning");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRunStoppedHalfWayAndRestartedEndsLikeAnUninterruptedOne(Kind kind) throws Exception {
        Map<String, String> smallWindows = new HashMap<>(V1);
        smallWindows.put(SyncSettings.RESULT_CAP, "400");
        smallWindows.put("leadfeeder.http.retries", "1");
        try (LeadfeederSimulator simulator = simulator(SyncEndToEndTest.dataset()).resultCap(400).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, smallWindows, warehouse)) {
            simulator.faults().injectAfter(25, org.leadfeedercamel.simulator.Fault.SERVER_ERROR, 2);

            SyncRun broken = sync.once();

            assertThat(broken.status()).isEqualTo(SyncRun.Status.FAILED);
            assertThat(broken.error()).contains("HTTP 500").containsPattern("at account 10000[12], (visits|leads) window 20\\d\\d-\\d\\d-\\d\\d\\.\\.");
            assertThat(sync.count("leadfeeder_completed_windows")).isPositive();

            SyncRun resumed = sync.once();

            assertThat(resumed.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertWarehouseEqualsSimulator(sync.jdbc, simulator);
            assertThat(resumed.requests()).as("resumes rather than starting over").isLessThan(broken.requests() + resumed.requests() - 10);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void backfillReReadsAUtcRangeAndLeavesTheStateAsItWas(Kind kind) throws Exception {
        try (LeadfeederSimulator simulator = simulator(SyncEndToEndTest.dataset()).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, V1, warehouse)) {
            sync.once();
            List<Map<String, Object>> state = sync.rows("SELECT * FROM leadfeeder_completed_windows ORDER BY processorName, messageId");

            SyncRun backfill = sync.run(SyncRun.backfill(LocalDate.parse("2025-03-10"), LocalDate.parse("2025-03-12"),
                    List.of("visits", "leads"), SyncEndToEndTest.CLOCK));

            assertThat(backfill.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertThat(sync.rows("SELECT * FROM leadfeeder_completed_windows ORDER BY processorName, messageId")).isEqualTo(state);
            int inRange = 0;
            for (SimAccount account : simulator.dataset().accounts()) {
                inRange += simulator.dataset().visits(account.id(), LocalDate.parse("2025-03-10"), LocalDate.parse("2025-03-12"),
                        ZoneOffset.UTC, 0, 0).total();
            }
            assertThat(sync.jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits WHERE _run_id = ?", Integer.class,
                    backfill.runId())).isEqualTo(inRange).isPositive();
            assertWarehouseEqualsSimulator(sync.jdbc, simulator);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void configuredAccountsLimitTheSyncAndAnUnknownOneFailsAlone(Kind kind) throws Exception {
        Map<String, String> accounts = new HashMap<>(V1);
        accounts.put(SyncSettings.ACCOUNT_ID, "424242,100002");
        try (LeadfeederSimulator simulator = simulator(SyncEndToEndTest.dataset()).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, accounts, warehouse)) {
            SyncRun run = sync.once();

            assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
            assertThat(run.error()).contains("424242").doesNotContain("100002 ");
            assertThat(sync.jdbc.queryForList("SELECT DISTINCT account_id FROM raw_leadfeeder__visits", String.class))
                    .containsExactly("100002");
        }
    }
}
