package org.leadfeedercamel.sync;

import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leadfeedercamel.sql.TestWarehouses;
import org.leadfeedercamel.sql.TestWarehouses.Kind;
import org.leadfeedercamel.simulator.Fault;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.simulator.data.ExpectedRows;
import org.leadfeedercamel.simulator.data.SimAccount;

/**
 * The whole sync over real HTTP against the simulator, two accounts in different timezones, into each
 * warehouse: H2, PostgreSQL and MariaDB, every test in a fresh schema or database of its own.
 */
@Tag("reliability")
class SyncEndToEndTest {

    static final LocalDate FROM = LocalDate.parse("2025-03-01");
    static final LocalDate TO = LocalDate.parse("2025-04-30");
    /** Noon UTC on the range's last day: still 04-30 in Los Angeles, evening in Helsinki. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-30T19:00:00Z"), ZoneOffset.UTC);
    static final Map<String, String> START = Map.of("leadfeeder.start-date", FROM.toString());

    static DatasetSpec dataset() {
        return DatasetSpec.defaults()
                .withTimezones(List.of(ZoneId.of("Europe/Helsinki"), ZoneId.of("America/Los_Angeles")))
                .withRange(FROM, TO).withVisitsPerAccount(1_500).withCompaniesPerAccount(80);
    }

    static LeadfeederSimulator.Builder simulator(DatasetSpec spec) {
        return LeadfeederSimulator.builder().dataset(spec).clock(CLOCK).token("tok").requestsPerWindow(0);
    }

    /** The warehouse equals what the simulator served for [FROM, TO], table by table, column by column. */
    static void assertWarehouseEqualsSimulator(SyncHarness sync) {
        assertWarehouseEqualsSimulator(sync.jdbc, sync.simulator);
    }

    static void assertWarehouseEqualsSimulator(org.springframework.jdbc.core.JdbcTemplate jdbc, LeadfeederSimulator simulator) {
        assertWarehouseEqualsSimulator(jdbc, simulator, "raw_leadfeeder__");
    }

    /** The data tables of one table prefix equal what the simulator served for [FROM, TO]. */
    static void assertWarehouseEqualsSimulator(org.springframework.jdbc.core.JdbcTemplate jdbc, LeadfeederSimulator simulator,
            String prefix) {
        assertWarehouseEqualsSimulator(jdbc, simulator, prefix, simulator.dataset().accounts().stream().map(SimAccount::id)
                .collect(java.util.stream.Collectors.toSet()));
    }

    /** The data tables of one table prefix equal what the simulator served of {@code accountIds} for [FROM, TO], and nothing else. */
    static void assertWarehouseEqualsSimulator(org.springframework.jdbc.core.JdbcTemplate jdbc, LeadfeederSimulator simulator,
            String prefix, java.util.Set<String> accountIds) {
        ExpectedRows expected = new ExpectedRows(simulator.dataset());
        List<Map<String, Object>> visits = new ArrayList<>();
        List<Map<String, Object>> routes = new ArrayList<>();
        List<Map<String, Object>> leads = new ArrayList<>();
        List<Map<String, Object>> locations = new ArrayList<>();
        for (SimAccount account : simulator.dataset().accounts()) {
            if (!accountIds.contains(account.id())) {
                continue;
            }
            visits.addAll(expected.visits(account.id(), FROM, TO));
            routes.addAll(expected.visitRoutes(account.id(), FROM, TO));
            leads.addAll(expected.leads(account.id(), FROM, TO));
            locations.addAll(expected.locations(account.id(), FROM, TO));
        }
        WarehouseTables.assertEquals(jdbc, prefix + "accounts", List.of("account_id"), expected.accounts().stream()
                .filter(row -> accountIds.contains(String.valueOf(row.get("account_id")))).toList());
        WarehouseTables.assertEquals(jdbc, prefix + "visits", List.of("account_id", "visit_id"), visits);
        WarehouseTables.assertEquals(jdbc, prefix + "visit_routs", List.of("account_id", "visit_id", "page_number"), routes);
        WarehouseTables.assertEquals(jdbc, prefix + "locations", List.of("account_id", "location_id"), locations);
        leads.forEach(row -> row.remove("visits")); // window-scoped: the figure of whichever window came last
        Map<List<Object>, Map<String, Object>> actualLeads = WarehouseTables.read(jdbc, prefix + "leads", List.of("account_id", "lead_id"));
        actualLeads.values().forEach(row -> row.remove("visits"));
        List<Map<String, Object>> flattened = new ArrayList<>(actualLeads.values());
        assertThat(flattened).hasSameSizeAs(leads);
        WarehouseTables.assertEquals(jdbc, prefix + "leads", List.of("account_id", "lead_id"),
                leadsWithStoredVisits(jdbc, leads, prefix));
    }

    private static List<Map<String, Object>> leadsWithStoredVisits(org.springframework.jdbc.core.JdbcTemplate jdbc,
            List<Map<String, Object>> leads, String prefix) {
        Map<String, Integer> stored = new HashMap<>();
        jdbc.queryForList("SELECT account_id, lead_id, visits FROM " + prefix + "leads")
                .forEach(r -> stored.put(r.get("ACCOUNT_ID") + "/" + r.get("LEAD_ID"), (Integer) r.get("VISITS")));
        for (Map<String, Object> lead : leads) {
            lead.put("visits", stored.get(lead.get("account_id") + "/" + lead.get("lead_id")));
        }
        return leads;
    }

    /** 1 + Σ over account × stream of max(1, ceil(rows / 100)): the fewest requests a sync without splits needs. */
    static int minimumRequests(LeadfeederSimulator simulator, LocalDate from, Map<String, LocalDate> today) {
        int requests = 1;
        for (SimAccount account : simulator.dataset().accounts()) {
            LocalDate to = today.get(account.id());
            int visits = simulator.dataset().visits(account.id(), from, to, 0, 0).total();
            int leads = simulator.dataset().leads(account.id(), from, to).size();
            requests += Math.max(1, (visits + 99) / 100) + Math.max(1, (leads + 99) / 100);
        }
        return requests;
    }

    /** The fewest requests of an incremental run that re-reads only the 3-day lookback, today included. */
    /** The fewest requests of a run that reads the last {@code days} days of every account, today included. */
    static int lookbackRequests(LeadfeederSimulator simulator, int days) {
        Map<String, LocalDate> today = todayPerAccount(simulator);
        int expected = 1;
        for (SimAccount account : simulator.dataset().accounts()) {
            LocalDate to = today.get(account.id());
            LocalDate from = to.minusDays(days - 1L);
            expected += Math.max(1, (simulator.dataset().visits(account.id(), from, to, 0, 0).total() + 99) / 100)
                    + Math.max(1, (simulator.dataset().leads(account.id(), from, to).size() + 99) / 100);
        }
        return expected;
    }

    static Map<String, LocalDate> todayPerAccount(LeadfeederSimulator simulator) {
        Map<String, LocalDate> today = new HashMap<>();
        simulator.dataset().accounts().forEach(a -> today.put(a.id(), LocalDate.now(CLOCK.withZone(a.timezone()))));
        return today;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFirstSyncLoadsExactlyWhatTheApiServesWithTheFewestRequests(Kind kind) throws Exception {
        try (LeadfeederSimulator simulator = simulator(dataset()).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, CLOCK, START, warehouse)) {
            SyncRun run = sync.once();

            assertThat(run.error()).isNull();
            assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertWarehouseEqualsSimulator(sync);
            int minimum = minimumRequests(simulator, FROM, todayPerAccount(simulator));
            System.out.printf("first sync: %d requests issued, %d the minimum%n", run.requests(), minimum);
            assertThat(run.requests()).isEqualTo(minimum);
            assertThat(simulator.stats().requests()).isEqualTo(minimum);
            Map<String, Object> log = sync.jdbc.queryForMap("SELECT * FROM leadfeeder_sync_runs WHERE run_id = ?", run.runId());
            assertThat(log.get("STATUS")).isEqualTo("succeeded");
            int happened = simulator.dataset().accounts().stream()
                    .mapToInt(a -> simulator.dataset().visits(a.id(), FROM, TO, 0, 0).total()).sum();
            assertThat(happened).as("visits later today in Los Angeles have not happened yet").isLessThan(3_000);
            assertThat(log.get("ROWS_VISITS")).isEqualTo(happened);
            assertThat(log.get("REQUESTS")).isEqualTo(minimum);
            assertThat(log.get("ENDED_AT")).isNotNull();
            // the values that break careless warehouses came through unchanged (the comparison above checked them all)
            assertThat(sync.jdbc.queryForList("SELECT page_title FROM raw_leadfeeder__visit_routs WHERE page_title LIKE '%🚀%'", String.class))
                    .isNotEmpty().allSatisfy(title -> assertThat(title).contains("we're hiring 🚀"));
            assertThat(sync.jdbc.queryForObject("SELECT MAX(CHAR_LENGTH(landing_page_path)) FROM raw_leadfeeder__visits", Integer.class))
                    .isGreaterThan(2_000);
        }
    }

    @org.junit.jupiter.api.Test
    void pageLinksGivenAsJsonApiLinkObjectsAreFollowedToTheEnd() throws Exception {
        try (LeadfeederSimulator simulator = simulator(dataset()).classicShapes(new org.leadfeedercamel.simulator.ClassicShapes(true, 0)).start();
             SyncHarness sync = new SyncHarness(simulator, CLOCK, START)) {
            SyncRun run = sync.once();

            assertThat(run.status()).as(run.error()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertWarehouseEqualsSimulator(sync);
            assertThat(run.requests()).isEqualTo(minimumRequests(simulator, FROM, todayPerAccount(simulator)));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSecondRunAddsNothingAndReadsOnlyToday(Kind kind) throws Exception {
        try (LeadfeederSimulator simulator = simulator(dataset()).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, CLOCK, START, warehouse)) {
            SyncRun first = sync.once();
            Map<List<Object>, Map<String, Object>> visits = WarehouseTables.read(sync.jdbc, "raw_leadfeeder__visits", List.of("account_id", "visit_id"));
            Map<List<Object>, Map<String, Object>> routes = WarehouseTables.read(sync.jdbc, "raw_leadfeeder__visit_routs", List.of("account_id", "visit_id", "page_number"));
            simulator.stats().reset();

            SyncRun second = sync.once();

            assertThat(second.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertThat(WarehouseTables.read(sync.jdbc, "raw_leadfeeder__visits", List.of("account_id", "visit_id"))).isEqualTo(visits);
            assertThat(WarehouseTables.read(sync.jdbc, "raw_leadfeeder__visit_routs", List.of("account_id", "visit_id", "page_number"))).isEqualTo(routes);
            assertWarehouseEqualsSimulator(sync);
            int rewritten = sync.jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits WHERE _run_id = ?", Integer.class, second.runId());
            assertThat(rewritten).isEqualTo(second.rows("visits")).isPositive().isLessThan(3_000);
            // the older lookback days were read whole after they ended, moments ago: not again before leadfeeder.lookback-interval
            int expected = lookbackRequests(simulator, 1);
            System.out.printf("incremental run: %d requests issued, %d the minimum for today (first sync: %d)%n",
                    second.requests(), expected, first.requests());
            assertThat(second.requests()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRunStoppedHalfWayAndRestartedEndsLikeAnUninterruptedOne(Kind kind) throws Exception {
        Map<String, String> smallWindows = new HashMap<>(START);
        smallWindows.put("leadfeeder.result-cap", "400");
        smallWindows.put("leadfeeder.http.retries", "1");
        try (LeadfeederSimulator simulator = simulator(dataset()).resultCap(400).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, CLOCK, smallWindows, warehouse)) {
            simulator.faults().injectAfter(25, Fault.SERVER_ERROR, 2);

            SyncRun broken = sync.once();

            assertThat(broken.status()).isEqualTo(SyncRun.Status.FAILED);
            assertThat(broken.error()).contains("HTTP 500").containsPattern("at account 10000[12], visits window 2025-\\d\\d-\\d\\d\\.\\.2025-\\d\\d-\\d\\d, page \\d+");
            int completedBefore = sync.count("leadfeeder_completed_windows");
            assertThat(completedBefore).isPositive();
            assertThat(sync.count("raw_leadfeeder__visits")).isBetween(1, 2_999);
            assertThat(sync.jdbc.queryForObject("SELECT status FROM leadfeeder_sync_runs WHERE run_id = ?", String.class, broken.runId()))
                    .isEqualTo("failed");

            SyncRun resumed = sync.once();

            assertThat(resumed.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertWarehouseEqualsSimulator(sync);
            ReliabilityReport.record("Run stopped half-way (" + kind + ")", "two HTTP 500s after 25 requests with 2 attempts allowed",
                    "the run failed, its log naming where (" + broken.error().replaceAll(".*\\(at ", "").replace(")", "")
                            + "); the next run resumed with " + resumed.requests() + " requests; tables equal the API's rows: 0 lost, 0 duplicated");
            assertThat(resumed.requests()).as("resumes rather than starting over").isLessThan(broken.requests() + resumed.requests() - 10);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void backfillReReadsARangeAndLeavesTheStateAsItWas(Kind kind) throws Exception {
        try (LeadfeederSimulator simulator = simulator(dataset()).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, CLOCK, START, warehouse)) {
            sync.once();
            List<Map<String, Object>> state = sync.rows("SELECT * FROM leadfeeder_completed_windows ORDER BY processorName, messageId");
            Map<List<Object>, Map<String, Object>> leads = WarehouseTables.read(sync.jdbc, "raw_leadfeeder__leads", List.of("account_id", "lead_id"));

            SyncRun backfill = sync.run(SyncRun.backfill(LocalDate.parse("2025-03-10"), LocalDate.parse("2025-03-12"), List.of("visits", "leads"), CLOCK));

            assertThat(backfill.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertThat(sync.rows("SELECT * FROM leadfeeder_completed_windows ORDER BY processorName, messageId")).isEqualTo(state);
            int reread = sync.jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits WHERE _run_id = ?", Integer.class, backfill.runId());
            int inRange = sync.jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits WHERE visit_date BETWEEN DATE '2025-03-10' AND DATE '2025-03-12'", Integer.class);
            assertThat(reread).isEqualTo(inRange).isPositive();
            assertThat(sync.jdbc.queryForObject("SELECT mode FROM leadfeeder_sync_runs WHERE run_id = ?", String.class, backfill.runId())).isEqualTo("backfill");
            // the narrow window's lead figures are narrower, but stored first/last visit dates never regress
            Map<List<Object>, Map<String, Object>> after = WarehouseTables.read(sync.jdbc, "raw_leadfeeder__leads", List.of("account_id", "lead_id"));
            assertThat(after.keySet()).isEqualTo(leads.keySet());
            after.forEach((key, row) -> {
                assertThat(row.get("first_visit_date")).isEqualTo(leads.get(key).get("first_visit_date"));
                assertThat(row.get("last_visit_date")).isEqualTo(leads.get(key).get("last_visit_date"));
            });
            assertWarehouseEqualsSimulator(sync);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void windowsThatReachTheCapAreSplitAndADayAtTheCapIsReportedLoudly(Kind kind) throws Exception {
        DatasetSpec busy = dataset().withBusyDays(1, 700);
        Map<String, String> cap = new HashMap<>(START);
        cap.put("leadfeeder.result-cap", "500");
        try (LeadfeederSimulator simulator = simulator(busy).resultCap(500).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, CLOCK, cap, warehouse)) {
            SyncRun run = sync.once();

            assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertThat(run.warnings()).hasSize(2).allSatisfy(w -> assertThat(w).contains("visits on 2025-", "cap"));
            for (SimAccount account : simulator.dataset().accounts()) {
                int served = 0;
                for (LocalDate day = FROM; !day.isAfter(TO); day = day.plusDays(1)) {
                    served += Math.min(500, simulator.dataset().visits(account.id(), day, day, 0, 0).total());
                }
                assertThat(sync.jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits WHERE account_id = ?",
                        Integer.class, account.id())).isEqualTo(served);
            }
            assertThat(sync.jdbc.queryForObject("SELECT warnings FROM leadfeeder_sync_runs WHERE run_id = ?", String.class, run.runId()))
                    .contains("cap");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAccountWithoutAPaidPlanIsSkippedAndTheOthersSync(Kind kind) throws Exception {
        DatasetSpec spec = dataset().withNonPremiumAccounts(java.util.Set.of("100002"));
        try (LeadfeederSimulator simulator = simulator(spec).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, CLOCK, START, warehouse)) {
            SyncRun run = sync.once();

            assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertThat(run.warnings()).singleElement().asString().contains("100002", "402");
            assertThat(sync.jdbc.queryForObject("SELECT COUNT(DISTINCT account_id) FROM raw_leadfeeder__visits", Integer.class)).isEqualTo(1);
            assertThat(sync.count("raw_leadfeeder__accounts")).isEqualTo(2);
            if (kind == Kind.H2) {
                ReliabilityReport.record("Account without a paid plan", "HTTP 402 on one of two accounts",
                        "that account skipped with a warning in the log and the run log; the other synced; the run succeeded");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRefusedTokenStopsTheRunWithOneClearLineAndNoRetries(Kind kind) throws Exception {
        try (LeadfeederSimulator simulator = simulator(dataset()).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, CLOCK, Map.of(org.leadfeedercamel.config.SyncSettings.API_TOKEN, "wrong-token"), warehouse)) {
            SyncRun run = sync.once();

            assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
            assertThat(run.error()).contains("HTTP 401").doesNotContain("wrong-token").doesNotContain("\n");
            assertThat(simulator.stats().requests()).isEqualTo(1);
            if (kind == Kind.H2) {
                ReliabilityReport.record("Refused token", "HTTP 401", "1 request, no retry; the run failed with one line: " + run.error());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void configuredAccountsLimitTheSync(Kind kind) throws Exception {
        Map<String, String> one = new HashMap<>(START);
        one.put("leadfeeder.account-id", "100002");
        try (LeadfeederSimulator simulator = simulator(dataset()).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, CLOCK, one, warehouse)) {
            sync.once();

            assertThat(sync.jdbc.queryForList("SELECT DISTINCT account_id FROM raw_leadfeeder__visits", String.class))
                    .containsExactly("100002");
            assertThat(sync.jdbc.queryForList("SELECT account_id FROM raw_leadfeeder__accounts", String.class))
                    .containsExactly("100002");
            assertThat(sync.jdbc.queryForObject("SELECT rows_accounts FROM leadfeeder_sync_runs", Integer.class)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anUnknownAccountIsAnErrorForThatAccountOnly(Kind kind) throws Exception {
        Map<String, String> accounts = new HashMap<>(START);
        accounts.put("leadfeeder.account-id", "424242,100002");
        try (LeadfeederSimulator simulator = simulator(dataset()).start();
             TestWarehouses.TestWarehouse warehouse = TestWarehouses.fresh(kind);
             SyncHarness sync = new SyncHarness(simulator, CLOCK, accounts, warehouse)) {
            SyncRun run = sync.once();

            assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
            assertThat(run.error()).contains("424242").doesNotContain("100002 ");
            assertThat(sync.jdbc.queryForList("SELECT DISTINCT account_id FROM raw_leadfeeder__visits", String.class))
                    .containsExactly("100002");
            assertThat(sync.jdbc.queryForObject("SELECT error FROM leadfeeder_sync_runs WHERE run_id = ?", String.class, run.runId()))
                    .contains("424242");
            if (kind == Kind.H2) {
                ReliabilityReport.record("Unknown account", "LEADFEEDER_ACCOUNT_ID naming an account the token cannot see, beside a good one",
                        "the good account synced; the run ends failed with an error for the unknown one only");
            }
        }
    }
}
