package org.leadfeedercamel.sync;

import org.leadfeedercamel.run.StopSignal;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.leadfeedercamel.api.ApiChoice;
import org.leadfeedercamel.api.ClassicLeadfeederApi;
import org.leadfeedercamel.mapping.RecordMapper;
import org.leadfeedercamel.run.AccountRef;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.run.SyncWindow;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.mapping.PageRows;
import org.leadfeedercamel.reliability.ReliabilityReport;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.simulator.data.ExpectedRows;
import org.leadfeedercamel.sql.Dialect;
import org.leadfeedercamel.sql.SqlStatements;
import org.leadfeedercamel.state.CompletedWindows;
import org.leadfeedercamel.state.WarehouseRetry;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A token that sees 50 accounts: all synced in one run under one shared rate budget, one account whose
 * API fails throughout fails alone, a comma-separated LEADFEEDER_ACCOUNT_ID picks a subset, and the
 * account synced least far goes first.
 */
@Tag("reliability")
class ManyAccountsTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Helsinki"), ZoneId.of("America/Los_Angeles"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"), ZoneId.of("Australia/Sydney"));

    private static DatasetSpec fiftyAccounts() {
        List<ZoneId> zones = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            zones.add(ZONES.get(i % ZONES.size()));
        }
        return DatasetSpec.defaults().withTimezones(zones).withRange(SyncEndToEndTest.FROM, SyncEndToEndTest.TO)
                .withVisitsPerAccount(120).withCompaniesPerAccount(20);
    }

    @Test
    void fiftyAccountsShareOneBudgetAndABrokenOneFailsAlone() throws Exception {
        Clock clock = Clock.systemUTC(); // the budget's calendar windows are real time
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(fiftyAccounts()).clock(clock)
                .token("tok").requestsPerWindow(60).rateWindow(Duration.ofSeconds(1)).brokenAccounts(Set.of("100007")).start();
             SyncHarness sync = new SyncHarness(simulator, clock, Map.of(SyncSettings.START_DATE,
                     SyncEndToEndTest.FROM.toString(), SyncSettings.RATE_LIMIT_REQUESTS, "60", SyncSettings.RATE_LIMIT_WINDOW, "1"))) {
            SyncRun run = sync.once();

            assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
            assertThat(run.accountErrors()).singleElement().asString().contains("HTTP 500").contains("account 100007");
            assertThat(simulator.stats().withStatus(429)).isZero();
            ExpectedRows expected = new ExpectedRows(simulator.dataset());
            Map<String, Integer> visits = new HashMap<>();
            sync.jdbc.queryForList("SELECT account_id, COUNT(*) AS n FROM raw_leadfeeder__visits GROUP BY account_id")
                    .forEach(row -> visits.put((String) row.get("ACCOUNT_ID"), ((Number) row.get("N")).intValue()));
            assertThat(visits).hasSize(49).doesNotContainKey("100007");
            for (int i = 1; i <= 50; i++) {
                String account = String.valueOf(100000 + i);
                if (!account.equals("100007")) {
                    assertThat(visits.get(account)).as(account)
                            .isEqualTo(expected.visits(account, SyncEndToEndTest.FROM, SyncEndToEndTest.TO).size());
                }
            }
            ReliabilityReport.record("Many accounts", "a token seeing 50 accounts, one of them answering 500 throughout; "
                            + "API limit 60 requests per second, paced at the same budget",
                    String.format("49 accounts complete (%,d visits) in one run of %d requests, 0 × 429; the broken account "
                            + "failed alone after its retries and the run ended failed naming it", visits.values().stream()
                            .mapToInt(Integer::intValue).sum(), run.requests()));
        }
    }

    @Test
    void aCommaSeparatedAccountIdPicksASubset() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(fiftyAccounts()).clock(SyncEndToEndTest.CLOCK)
                .token("tok").requestsPerWindow(0).start();
             SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, Map.of(SyncSettings.START_DATE,
                     SyncEndToEndTest.FROM.toString(), SyncSettings.ACCOUNT_ID, "100003, 100042,100050"))) {
            assertThat(sync.once().status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertThat(sync.jdbc.queryForList("SELECT DISTINCT account_id FROM raw_leadfeeder__visits ORDER BY account_id",
                    String.class)).containsExactly("100003", "100042", "100050");
        }
    }

    @Test
    void theAccountSyncedLeastFarGoesFirst() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(fiftyAccounts()).clock(SyncEndToEndTest.CLOCK)
                .token("tok").requestsPerWindow(0).start();
             SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, Map.of(SyncSettings.START_DATE,
                     SyncEndToEndTest.FROM.toString()))) {
            SqlStatements sql = new SqlStatements(Dialect.of(sync.dataSource), "raw_leadfeeder__");
            CompletedWindows state = new CompletedWindows(sync.dataSource,
                    new TransactionTemplate(new DataSourceTransactionManager(sync.dataSource)), sql,
                    new WarehouseRetry(sync.settings.warehouse().retry(), "test", new StopSignal()));
            LocalDate from = SyncEndToEndTest.FROM;
            for (String stream : SyncRun.STREAMS) {
                state.markComplete(new SyncWindow("100001", stream, from, from.plusDays(40)), SyncEndToEndTest.CLOCK.instant()); // furthest
                state.markComplete(new SyncWindow("100002", stream, from, from.plusDays(10)), SyncEndToEndTest.CLOCK.instant());
            }
            state.markComplete(new SyncWindow("100003", "visits", from, from.plusDays(50)), SyncEndToEndTest.CLOCK.instant()); // leads not started

            SyncRun run = SyncRun.incremental(SyncEndToEndTest.CLOCK);
            PageRows accounts = PageRows.accounts(run);
            for (String id : List.of("100001", "100002", "100003", "100004")) {
                accounts.addAccount(Map.of("account_id", id, "timezone", "Europe/Helsinki"));
            }
            ApiChoice classic = new ApiChoice("classic", new ClassicLeadfeederApi(
                    sync.settings.api().baseUrl(), sync.settings.api().pageSize(), sync.settings.api().resultCap(), new RecordMapper(new ObjectMapper())), null);

            List<AccountRef> order = new AccountSelection(sync.settings.api().accountIds(), sync.settings.api().startDate(), state, classic)
                    .select(run, accounts);

            assertThat(order).extracting(AccountRef::id).containsExactly("100003", "100004", "100002", "100001");
        }
    }
}
