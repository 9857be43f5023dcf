package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadfeedercamel.simulator.SimulatorClient.brackets;
import static org.leadfeedercamel.simulator.TestDatasets.KOLKATA;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Leads are the companies that visited in the window; their visit figures cover that window only. */
class SimulatorLeadsTest {

    private static LeadfeederSimulator simulator;
    private static SimulatorClient client;

    @BeforeAll
    static void start() {
        simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).token("tok").requestsPerWindow(0).start();
        client = new SimulatorClient(simulator.baseUrl(), "tok");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    /** What the leads of a window must say, computed from the visits endpoint over the same window. */
    private record Figures(int visits, LocalDate first, LocalDate last) {
        Figures with(LocalDate day) {
            return new Figures(visits + 1, first == null || day.isBefore(first) ? day : first,
                    last == null || day.isAfter(last) ? day : last);
        }
    }

    @ParameterizedTest
    @CsvSource({"2025-03-01,2025-04-30", "2025-04-10,2025-04-12", "2025-03-15,2025-03-15"})
    void leadsOfAWindowAreItsVisitingCompaniesWithFiguresOverThatWindow(String from, String to) throws Exception {
        String window = "?start_date=" + from + "&end_date=" + to + "&page[size]=100";
        Map<String, Figures> expected = new HashMap<>();
        for (JsonNode page : client.allPages(brackets("/accounts/" + KOLKATA + "/visits" + window))) {
            for (JsonNode visit : page.get("data")) {
                JsonNode a = visit.get("attributes");
                expected.merge(a.get("lead_id").asText(), new Figures(0, null, null).with(LocalDate.parse(a.get("date").asText())),
                        (old, one) -> old.with(one.first()));
            }
        }

        Map<String, Figures> actual = new HashMap<>();
        for (JsonNode page : client.allPages(brackets("/accounts/" + KOLKATA + "/leads" + window))) {
            for (JsonNode lead : page.get("data")) {
                JsonNode a = lead.get("attributes");
                actual.put(lead.get("id").asText(), new Figures(a.get("visits").asInt(),
                        LocalDate.parse(a.get("first_visit_date").asText()), LocalDate.parse(a.get("last_visit_date").asText())));
            }
        }

        assertThat(expected).isNotEmpty();
        assertThat(actual).isEqualTo(expected);
    }
}
