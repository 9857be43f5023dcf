package org.leadfeedercamel.sync;

import org.leadfeedercamel.run.SyncRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.simulator.LeadfeederSimulator;

/** {@code leadfeeder.api=auto}: one question to {@code /v1} decides, once per process, and the run log says which API ran. */
class ApiChoiceTest {

    private static Map<String, String> auto(String credential) {
        return Map.of(SyncSettings.API, "auto", SyncSettings.API_TOKEN, credential,
                SyncSettings.START_DATE, V1SyncEndToEndTest.UTC_FROM.toString());
    }

    private static String apiOf(SyncHarness sync, SyncRun run) {
        return sync.jdbc.queryForObject("SELECT api FROM leadfeeder_sync_runs WHERE run_id = ?", String.class, run.runId());
    }

    @Test
    void aV1KeyIsRecognisedByTheAnswerOfV1Accounts() throws Exception {
        try (LeadfeederSimulator simulator = V1SyncEndToEndTest.simulator(SyncEndToEndTest.dataset()).start();
             SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, auto(V1SyncEndToEndTest.KEY))) {
            SyncRun first = sync.once();
            SyncRun second = sync.once();

            assertThat(first.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertThat(apiOf(sync, first)).isEqualTo("v1");
            assertThat(apiOf(sync, second)).isEqualTo("v1");
            // the probe is the only extra request, asked once
            assertThat(first.requests()).isEqualTo(V1SyncEndToEndTest.minimumRequests(simulator, V1SyncEndToEndTest.UTC_FROM,
                    V1SyncEndToEndTest.today()) + 1);
            assertThat(second.requests()).isEqualTo(V1SyncEndToEndTest.minimumRequests(simulator,
                    V1SyncEndToEndTest.today(), V1SyncEndToEndTest.today()));
            V1SyncEndToEndTest.assertWarehouseEqualsSimulator(sync.jdbc, simulator);
        }
    }

    @Test
    void aClassicTokenIsRefusedByV1AndUsedOnTheClassicApi() throws Exception {
        try (LeadfeederSimulator simulator = V1SyncEndToEndTest.simulator(SyncEndToEndTest.dataset()).start();
             SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, auto("tok"))) {
            SyncRun run = sync.once();

            assertThat(run.status()).isEqualTo(SyncRun.Status.SUCCEEDED);
            assertThat(apiOf(sync, run)).isEqualTo("classic");
            assertThat(simulator.stats().withStatus(401)).isEqualTo(1);
            assertThat(sync.count("raw_leadfeeder__visits")).isPositive();
            assertThat(sync.jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits WHERE visit_date IS NULL", Integer.class))
                    .as("classic rows carry their account-local dates").isZero();
        }
    }

    @Test
    void aCredentialNeitherApiTakesFailsTheRunWithOneLine() throws Exception {
        try (LeadfeederSimulator simulator = V1SyncEndToEndTest.simulator(SyncEndToEndTest.dataset()).start();
             SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, auto("neither"))) {
            SyncRun run = sync.once();

            assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
            assertThat(run.error()).contains("refused the API token (HTTP 401)").doesNotContain("neither").doesNotContain("\n");
            assertThat(simulator.stats().withStatus(401)).isEqualTo(2);
        }
    }

    @Test
    void aKeyWithItsQuotaSpentIsAV1KeyAndTheRunSaysTheQuotaIsSpent() throws Exception {
        try (LeadfeederSimulator simulator = V1SyncEndToEndTest.simulator(SyncEndToEndTest.dataset()).v1MonthlyQuota(1).start();
             SyncHarness sync = new SyncHarness(simulator, SyncEndToEndTest.CLOCK, auto(V1SyncEndToEndTest.KEY))) {
            HttpResponse<String> spent = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/v1/accounts"))
                            .header("X-Api-Key", V1SyncEndToEndTest.KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(spent.statusCode()).isEqualTo(200);

            SyncRun run = sync.once();

            assertThat(run.status()).isEqualTo(SyncRun.Status.FAILED);
            assertThat(run.error()).contains("quota_exceeded");
            assertThat(apiOf(sync, run)).isEqualTo("v1");
            assertThat(simulator.stats().withStatus(429)).isEqualTo(1);
        }
    }
}
