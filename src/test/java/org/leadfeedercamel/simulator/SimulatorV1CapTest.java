package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadfeedercamel.simulator.SimulatorV1WebVisitsTest.assertError;
import static org.leadfeedercamel.simulator.TestDatasets.HELSINKI;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The search depth on /v1: rows past the cap are never served, a page starting past it answers 416. */
class SimulatorV1CapTest {

    private static final LocalDate FROM = LocalDate.parse("2025-04-01");
    private static final LocalDate TO = LocalDate.parse("2025-04-20");

    @Test
    void theLastPageIsCutAtTheCapAndTheNextOneAnswers416() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).apiKey("k")
                .resultCap(50).v1RequestsPerSecond(0).start()) {
            V1Client client = new V1Client(simulator.baseUrl(), "k");
            int total = simulator.dataset().visits(HELSINKI, FROM, TO, java.time.ZoneOffset.UTC, 0, 0).total();
            assertThat(total).isGreaterThan(60);

            JsonNode third = client.webVisits(HELSINKI, FROM, TO, "&page[size]=20&page[num]=3").json();
            assertThat(third.get("data")).hasSize(10); // offsets 40..49 only
            assertThat(third.at("/meta/pagination/total_count").asInt()).isEqualTo(total);
            assertThat(third.at("/meta/pagination/page_count").asInt()).isEqualTo((total + 19) / 20);

            SimulatorClient.Answer fourth = client.webVisits(HELSINKI, FROM, TO, "&page[size]=20&page[num]=4");
            assertError(fourth, 416, "offset_exceeded");

            JsonNode companies = client.companies(HELSINKI, FROM, TO, "&page[size]=30&page[num]=2").json();
            assertThat(companies.get("data")).hasSize(20);
            assertError(client.companies(HELSINKI, FROM, TO, "&page[size]=25&page[num]=3"), 416, "offset_exceeded");
        }
    }
}
