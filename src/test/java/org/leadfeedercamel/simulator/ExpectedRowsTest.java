package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadfeedercamel.simulator.SimulatorClient.brackets;
import static org.leadfeedercamel.simulator.TestDatasets.FROM;
import static org.leadfeedercamel.simulator.TestDatasets.HELSINKI;
import static org.leadfeedercamel.simulator.TestDatasets.TO;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.simulator.data.ExpectedRows;

/** What tests will compare a synced warehouse against agrees with what the API served. */
class ExpectedRowsTest {

    private static LeadfeederSimulator simulator;
    private static List<JsonNode> visitPages;
    private static List<JsonNode> leadPages;
    private static ExpectedRows expected;

    @BeforeAll
    static void start() throws Exception {
        simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).token("tok").requestsPerWindow(0).start();
        SimulatorClient client = new SimulatorClient(simulator.baseUrl(), "tok");
        String window = "?start_date=" + FROM + "&end_date=" + TO + "&page[size]=100";
        visitPages = client.allPages(brackets("/accounts/" + HELSINKI + "/visits" + window));
        leadPages = client.allPages(brackets("/accounts/" + HELSINKI + "/leads" + window));
        expected = new ExpectedRows(simulator.dataset());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void visitRowsCarryTheServedValuesWithEmptyStringsAsNull() {
        List<Map<String, Object>> rows = expected.visits(HELSINKI, FROM, TO);
        JsonNode first = visitPages.get(0).get("data").get(0);
        Map<String, Object> row = rows.get(0);

        assertThat(row.get("visit_id")).isEqualTo(first.get("id").asText());
        assertThat(row.get("started_at")).isEqualTo(Instant.parse(first.get("attributes").get("started_at").asText()));
        assertThat(row.get("visit_date")).isEqualTo(LocalDate.parse(first.get("attributes").get("date").asText()));
        assertThat(row.get("page_depth")).isEqualTo(first.get("attributes").get("page_depth").asInt());
        assertThat(row).containsKeys("account_id", "lead_id", "location_id", "source", "medium", "referring_url",
                "landing_page_path", "keyword", "query_term", "campaign", "visit_length", "visit_hour", "lf_client_id",
                "ga_client_ids", "country_code", "device_type", "visitor_email", "visitor_first_name", "visitor_last_name");
        assertThat(rows).allSatisfy(r -> assertThat(r.values()).doesNotContain(""));
        assertThat(rows).anySatisfy(r -> assertThat(r.get("keyword")).isNull());
    }

    @Test
    void routeRowsNumberEachVisitsPagesFromOne() {
        List<Map<String, Object>> routes = expected.visitRoutes(HELSINKI, FROM, TO);
        int served = 0;
        for (JsonNode page : visitPages) {
            for (JsonNode visit : page.get("data")) {
                served += visit.get("attributes").get("visit_route").size();
            }
        }

        assertThat(routes).hasSize(served);
        assertThat(routes.get(0).get("page_number")).isEqualTo(1);
        assertThat(routes.get(0).get("previous_page_path")).isEqualTo("(entrance)");
    }

    @Test
    void leadAndLocationRowsMatchWhatWasServed() {
        Set<String> servedLeads = new HashSet<>();
        Set<String> servedLocations = new HashSet<>();
        for (JsonNode page : leadPages) {
            page.get("data").forEach(l -> servedLeads.add(l.get("id").asText()));
            page.get("included").forEach(l -> servedLocations.add(l.get("id").asText()));
        }
        for (JsonNode page : visitPages) {
            page.get("included").forEach(l -> servedLocations.add(l.get("id").asText()));
        }

        assertThat(expected.leads(HELSINKI, FROM, TO)).extracting(r -> (String) r.get("lead_id"))
                .containsExactlyInAnyOrderElementsOf(servedLeads);
        assertThat(expected.locations(HELSINKI, FROM, TO)).extracting(r -> (String) r.get("location_id"))
                .containsExactlyInAnyOrderElementsOf(servedLocations);
        assertThat(expected.accounts()).hasSize(4).first().extracting(r -> r.get("timezone")).isEqualTo("Europe/Helsinki");
    }
}
