package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadfeedercamel.simulator.TestDatasets.HELSINKI;
import static org.leadfeedercamel.simulator.TestDatasets.LITE;
import static org.leadfeedercamel.simulator.TestDatasets.LOS_ANGELES;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `Authorization: Token token=…`, per-token account visibility, and the 402 of accounts without a paid plan. */
class SimulatorAuthTest {

    private static final String WINDOW = "?start_date=2025-04-01&end_date=2025-04-02";
    private static LeadfeederSimulator simulator;
    private static LeadfeederSimulator bearerSimulator;

    @BeforeAll
    static void start() {
        simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).requestsPerWindow(0)
                .token("all-accounts").token("helsinki-only", Set.of(HELSINKI)).start();
        bearerSimulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).requestsPerWindow(0)
                .token("all-accounts").acceptBearer(true).start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
        bearerSimulator.close();
    }

    @Test
    void missingTokenIsTheRailsPlainText401() throws Exception {
        SimulatorClient.Answer answer = SimulatorClient.anonymous(simulator.baseUrl()).get("/accounts");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("HTTP Token: Access denied.\n");
        assertThat(answer.header("Content-Type")).startsWith("text/plain");
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Token realm=\"Application\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Token token=wrong", "Token token=", "Token all-accounts", "Bearer all-accounts",
        "Basic YWxsLWFjY291bnRzOg==", "token token=all-accounts", "Token token=all-accounts-and-more"})
    void wrongOrMalformedTokenIs401(String header) throws Exception {
        SimulatorClient.Answer answer = SimulatorClient.withAuthorization(simulator.baseUrl(), header)
                .get("/accounts/" + HELSINKI + "/visits" + WINDOW);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("HTTP Token: Access denied.\n");
    }

    @Test
    void quotedTokenIsAccepted() throws Exception {
        assertThat(SimulatorClient.withAuthorization(simulator.baseUrl(), "Token token=\"all-accounts\"")
                .get("/accounts").status()).isEqualTo(200);
    }

    @Test
    void bearerIsAcceptedOnlyWhenEnabled() throws Exception {
        assertThat(SimulatorClient.withAuthorization(bearerSimulator.baseUrl(), "Bearer all-accounts")
                .get("/accounts").status()).isEqualTo(200);
        assertThat(SimulatorClient.withAuthorization(bearerSimulator.baseUrl(), "Bearer nope")
                .get("/accounts").status()).isEqualTo(401);
    }

    @Test
    void aTokenSeesOnlyItsAccounts() throws Exception {
        SimulatorClient limited = new SimulatorClient(simulator.baseUrl(), "helsinki-only");

        assertThat(limited.get("/accounts").json().get("data")).hasSize(1);
        assertThat(limited.get("/accounts/" + HELSINKI + "/visits" + WINDOW).status()).isEqualTo(200);
        SimulatorClient.Answer foreign = limited.get("/accounts/" + LOS_ANGELES + "/visits" + WINDOW);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().get("errors").get(0).get("title").asText()).isEqualTo("Forbidden");
        assertThat(limited.get("/accounts/" + LOS_ANGELES).status()).isEqualTo(403);
        assertThat(limited.get("/accounts/424242/leads" + WINDOW).status()).isEqualTo(403);
    }

    @Test
    void anAccountWithoutAPaidPlanAnswers402OnLeadsAndVisitsOnly() throws Exception {
        SimulatorClient client = new SimulatorClient(simulator.baseUrl(), "all-accounts");

        assertThat(client.get("/accounts/" + LITE).status()).isEqualTo(200);
        assertThat(client.get("/accounts/" + LITE + "/custom-feeds").status()).isEqualTo(200);
        for (String path : new String[] {"/visits" + WINDOW, "/leads" + WINDOW, "/leads/any-lead",
            "/leads/any-lead/visits" + WINDOW}) {
            SimulatorClient.Answer answer = client.get("/accounts/" + LITE + path);
            assertThat(answer.status()).as(path).isEqualTo(402);
            assertThat(answer.json().get("errors").get(0).get("status").asText()).isEqualTo("402");
        }
    }
}
