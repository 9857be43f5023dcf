package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadfeedercamel.simulator.SimulatorV1WebVisitsTest.assertError;
import static org.leadfeedercamel.simulator.SimulatorV1WebVisitsTest.assertInvalid;
import static org.leadfeedercamel.simulator.TestDatasets.HELSINKI;
import static org.leadfeedercamel.simulator.TestDatasets.LITE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/web-visits/companies}: one row per visiting (company, location) pair of a UTC-date window. */
class SimulatorV1CompaniesTest {

    private static final LocalDate FROM = LocalDate.parse("2025-04-05");
    private static final LocalDate TO = LocalDate.parse("2025-04-12");

    private static LeadfeederSimulator simulator;
    private static V1Client client;

    @BeforeAll
    static void start() {
        simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).apiKey("key").v1RequestsPerSecond(0).start();
        client = new V1Client(simulator.baseUrl(), "key");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void rowsAreTheDistinctPairsOfTheWindowsVisitsByLastVisitDate() throws Exception {
        List<JsonNode> visits = client.allWebVisits(HELSINKI, FROM, TO);
        Set<String> pairsVisited = new HashSet<>();
        Map<String, LocalDate> lastVisit = new HashMap<>();
        ZoneId helsinki = simulator.dataset().account(HELSINKI).orElseThrow().timezone();
        for (JsonNode v : visits) {
            String company = v.at("/relationships/company/id").asText();
            pairsVisited.add(company + " " + v.at("/relationships/location/id").asText());
            LocalDate local = Instant.parse(v.at("/attributes/started_at").asText()).atZone(helsinki).toLocalDate();
            lastVisit.merge(company, local, (a, b) -> a.isAfter(b) ? a : b);
        }

        List<JsonNode> rows = client.allCompanies(HELSINKI, FROM, TO);
        List<String> pairs = rows.stream().map(r -> r.at("/relationships/company/id").asText() + " "
                + r.at("/relationships/location/id").asText()).toList();
        assertThat(pairs).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(pairsVisited);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("type").asText()).isEqualTo("company_location");
            assertThat(r.get("id").asText()).hasSize(36);
            assertThat(r.at("/relationships/company/attributes/web_engagement/last_visit_date").asText())
                    .isEqualTo(lastVisit.get(r.at("/relationships/company/id").asText()).toString());
            assertThat(r.at("/relationships/location/attributes/country").isTextual()).isTrue();
        });
        assertThat(rows.stream().map(r -> r.get("id").asText())).doesNotHaveDuplicates();
        Comparator<JsonNode> order = Comparator.<JsonNode, String>comparing(
                        r -> r.at("/relationships/company/attributes/web_engagement/last_visit_date").asText()).reversed()
                .thenComparing(r -> r.at("/relationships/company/id").asText())
                .thenComparing(r -> r.at("/relationships/location/id").asText());
        assertThat(rows).isSortedAccordingTo(order);
        assertThat(pairs.size()).as("some company visits from several locations")
                .isGreaterThan((int) rows.stream().map(r -> r.at("/relationships/company/id").asText()).distinct().count());
    }

    @Test
    void pagingMetaIncludeAndCustomFeeds() throws Exception {
        JsonNode first = client.companies(HELSINKI, FROM, TO, "").json();
        int total = first.at("/meta/pagination/total_count").asInt();
        assertThat(first.get("data")).hasSize(20);
        assertThat(first.at("/meta/pagination/page_count").asInt()).isEqualTo((total + 19) / 20);
        assertThat(first.has("links")).isFalse();
        assertThat(first.at("/data/0/relationships/company").size()).isEqualTo(2); // no attributes without include
        JsonNode past = client.companies(HELSINKI, FROM, TO, "&page[num]=" + (total / 20 + 2)).json();
        assertThat(past.get("data")).isEmpty();

        assertThat(client.companies(HELSINKI, FROM, TO, "&custom_feed_id=all_leads").json().get("data")).hasSize(20);
        assertThat(client.companies(HELSINKI, FROM, TO, "&custom_feed_id=cf-" + HELSINKI + "-1").status()).isEqualTo(200);
        assertError(client.companies(HELSINKI, FROM, TO, "&custom_feed_id=nope"), 404, "entity_not_found");
    }

    @Test
    void refusals() throws Exception {
        assertInvalid(client.get("/v1/web-visits/companies?start_date=2025-04-01&end_date=2025-04-02"), "account_id");
        assertInvalid(client.get("/v1/web-visits/companies?account_id=" + HELSINKI + "&end_date=2025-04-02"), "start_date");
        assertInvalid(client.get("/v1/web-visits/companies?account_id=" + HELSINKI + "&start_date=2025-04-02"), "end_date");
        assertInvalid(client.companies(HELSINKI, TO, FROM, ""), "start_date");
        assertInvalid(client.companies(HELSINKI, FROM, TO, "&page[size]=101"), "page[size]");
        assertError(client.companies(LITE, FROM, TO, ""), 403, "insufficient_entitlements");
        assertError(client.companies("42", FROM, TO, ""), 403, "forbidden");
    }
}
