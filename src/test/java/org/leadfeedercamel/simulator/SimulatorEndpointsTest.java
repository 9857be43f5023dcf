package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadfeedercamel.simulator.SimulatorClient.brackets;
import static org.leadfeedercamel.simulator.TestDatasets.HELSINKI;
import static org.leadfeedercamel.simulator.TestDatasets.LOS_ANGELES;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every classic endpoint answers with its JSON:API document; anything else is a JSON:API 404. */
class SimulatorEndpointsTest {

    private static LeadfeederSimulator simulator;
    private static SimulatorClient client;

    @BeforeAll
    static void start() {
        simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).token("t0k3n").requestsPerWindow(0).start();
        client = new SimulatorClient(simulator.baseUrl(), "t0k3n");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void accountsListsEveryAccountWithItsTimezoneAndPlan() throws Exception {
        SimulatorClient.Answer answer = client.get("/accounts");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode data = answer.json().get("data");
        assertThat(data).hasSize(4);
        assertThat(data.get(0).get("id").asText()).isEqualTo(HELSINKI);
        assertThat(data.get(0).get("type").asText()).isEqualTo("accounts");
        JsonNode attributes = data.get(1).get("attributes");
        assertThat(attributes.get("timezone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(attributes.get("subscription").asText()).isEqualTo("premium");
        assertThat(attributes.get("on_trial").isBoolean()).isTrue();
        assertThat(attributes.get("subscription_addons").isArray()).isTrue();
        assertThat(attributes.get("website_tracking_status").asText()).isEqualTo("active");
        assertThat(data.get(3).get("attributes").get("subscription").asText()).isEqualTo("lite");
        assertThat(answer.json().get("links").get("self").asText()).isEqualTo(simulator.baseUrl() + "/accounts");
    }

    @Test
    void oneAccountIsAnObject() throws Exception {
        JsonNode data = client.get("/accounts/" + LOS_ANGELES).json().get("data");

        assertThat(data.isObject()).isTrue();
        assertThat(data.get("id").asText()).isEqualTo(LOS_ANGELES);
        assertThat(data.get("attributes").get("name").asText()).isEqualTo("Globex Analytics");
    }

    @Test
    void oneLeadHasItsAllTimeFiguresAndItsLocation() throws Exception {
        JsonNode listed = client.get(brackets("/accounts/" + HELSINKI + "/leads?start_date=2025-03-01&end_date=2025-04-30&page[size]=1"))
                .json().get("data").get(0);
        String leadId = listed.get("id").asText();

        JsonNode single = client.get("/accounts/" + HELSINKI + "/leads/" + leadId).json();

        assertThat(single.get("data").isObject()).isTrue();
        assertThat(single.get("data").get("id").asText()).isEqualTo(leadId);
        assertThat(single.get("data").get("attributes").get("visits").asInt())
                .isEqualTo(listed.get("attributes").get("visits").asInt()); // the window is the whole range
        String locationId = single.get("data").get("relationships").get("location").get("data").get("id").asText();
        assertThat(single.get("included")).hasSize(1);
        assertThat(single.get("included").get(0).get("id").asText()).isEqualTo(locationId);
        assertThat(client.get("/accounts/" + HELSINKI + "/leads/no-such-lead").status()).isEqualTo(404);
    }

    @Test
    void aLeadsVisitsAreExactlyTheVisitsCarryingItsLeadId() throws Exception {
        String window = "start_date=2025-04-01&end_date=2025-04-30&page[size]=100";
        List<JsonNode> visitPages = client.allPages(brackets("/accounts/" + HELSINKI + "/visits?" + window));
        JsonNode lead = client.get(brackets("/accounts/" + HELSINKI + "/leads?" + window)).json().get("data").get(0);
        String leadId = lead.get("id").asText();
        List<String> expected = new ArrayList<>();
        for (JsonNode page : visitPages) {
            for (JsonNode visit : page.get("data")) {
                if (visit.get("attributes").get("lead_id").asText().equals(leadId)) {
                    expected.add(visit.get("id").asText());
                }
            }
        }

        List<String> actual = new ArrayList<>();
        for (JsonNode page : client.allPages(brackets("/accounts/" + HELSINKI + "/leads/" + leadId + "/visits?" + window))) {
            page.get("data").forEach(v -> actual.add(v.get("id").asText()));
        }

        assertThat(expected).isNotEmpty();
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(lead.get("attributes").get("visits").asInt()).isEqualTo(expected.size());
        assertThat(client.get(brackets("/accounts/" + HELSINKI + "/leads/nobody/visits?" + window)).status()).isEqualTo(404);
        assertThat(client.get("/accounts/" + HELSINKI + "/leads/" + leadId + "/visits").status()).isEqualTo(400);
    }

    @Test
    void customFeedsListTheBuiltInFeedsAndOneWithCriteria() throws Exception {
        JsonNode feeds = client.get("/accounts/" + HELSINKI + "/custom-feeds").json().get("data");

        assertThat(feeds).hasSizeGreaterThanOrEqualTo(2);
        assertThat(feeds.get(0).get("id").asText()).isEqualTo("all_leads");
        assertThat(feeds.get(0).get("type").asText()).isEqualTo("custom-feeds");
        JsonNode custom = feeds.get(feeds.size() - 1);
        assertThat(custom.get("attributes").get("criteria").get(0).get("criterion_type").asText()).isEqualTo("country");
        JsonNode one = client.get("/accounts/" + HELSINKI + "/custom-feeds/all_leads").json().get("data");
        assertThat(one.get("attributes").get("name").asText()).isEqualTo("All leads");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/nope", "/accounts/100001/nope", "/accounts/100001/visits/extra",
        "/accounts/100001/leads/a/b", "/v2/accounts", "/accounts/100001/custom-feeds/unknown"})
    // (/v1/… is the unified API, SimulatorV1Test)
    void anythingElseIsAJsonApi404(String path) throws Exception {
        SimulatorClient.Answer answer = client.get(path);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("errors").get(0).get("status").asText()).isEqualTo("404");
        assertThat(answer.json().get("errors").get(0).get("title").asText()).isEqualTo("Not Found");
    }

    @Test
    void onlyGetIsRouted() throws Exception {
        assertThat(client.send("POST", "/accounts").status()).isEqualTo(404);
        assertThat(client.send("DELETE", "/accounts/" + HELSINKI).status()).isEqualTo(404);
    }
}
