package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadfeedercamel.simulator.SimulatorClient.brackets;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.simulator.data.DatasetSpec;
import org.leadfeedercamel.simulator.data.SimVisit;

/** No query reaches past 10,000 results, and nothing says so: `last` counts the capped total. */
class SimulatorCapTest {

    private static final String ACCOUNT = "100001";
    private static LeadfeederSimulator simulator;
    private static SimulatorClient client;
    private static LocalDate busyDay;

    @BeforeAll
    static void start() {
        DatasetSpec spec = DatasetSpec.defaults().withTimezones(List.of(ZoneId.of("Europe/Berlin")))
                .withRange(LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-10"))
                .withVisitsPerAccount(500).withCompaniesPerAccount(200).withBusyDays(1, 12_000);
        simulator = LeadfeederSimulator.builder().dataset(spec).token("tok").requestsPerWindow(0).start();
        client = new SimulatorClient(simulator.baseUrl(), "tok");
        busyDay = spec.from();
        while (simulator.dataset().visits(ACCOUNT, busyDay, busyDay, 0, 0).total() < 12_000) {
            busyDay = busyDay.plusDays(1);
        }
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void aBusyDayIsCutSilentlyAtTenThousand() throws Exception {
        String day = "?start_date=" + busyDay + "&end_date=" + busyDay;

        JsonNode first = client.get(brackets("/accounts/" + ACCOUNT + "/visits" + day + "&page[size]=100")).json();
        assertThat(first.get("links").get("last").asText()).contains("page%5Bnumber%5D=100&");

        JsonNode hundredth = client.get(brackets("/accounts/" + ACCOUNT + "/visits" + day + "&page[size]=100&page[number]=100")).json();
        assertThat(hundredth.get("data")).hasSize(100);
        assertThat(hundredth.get("links").has("next")).isFalse();
        assertThat(hundredth.has("errors")).isFalse();

        JsonNode beyond = client.get(brackets("/accounts/" + ACCOUNT + "/visits" + day + "&page[size]=100&page[number]=101")).json();
        assertThat(beyond.get("data")).isEmpty();

        // the 10,000th visit served is the 10,000th newest of the 12,000 that happened
        SimVisit tenThousandth = simulator.dataset().visits(ACCOUNT, busyDay, busyDay, 9_999, 1).items().get(0);
        assertThat(hundredth.get("data").get(99).get("id").asText()).isEqualTo(tenThousandth.id());
    }

    @Test
    void theCapIsConfigurableAndAppliesToLeadsToo() throws Exception {
        try (LeadfeederSimulator small = LeadfeederSimulator.builder().dataset(TestDatasets.small()).token("tok")
                .requestsPerWindow(0).resultCap(25).start()) {
            SimulatorClient smallClient = new SimulatorClient(small.baseUrl(), "tok");
            List<JsonNode> pages = smallClient.allPages(brackets("/accounts/100001/visits?start_date=2025-03-01&end_date=2025-04-30&page[size]=10"));

            assertThat(pages).hasSize(3);
            assertThat(pages.stream().mapToInt(p -> p.get("data").size()).sum()).isEqualTo(25);
            JsonNode leads = smallClient.get(brackets("/accounts/100001/leads?start_date=2025-03-01&end_date=2025-04-30&page[size]=10")).json();
            assertThat(leads.get("links").get("last").asText()).contains("page%5Bnumber%5D=3&");
            JsonNode beyond = smallClient.get(brackets("/accounts/100001/leads?start_date=2025-03-01&end_date=2025-04-30&page[size]=10&page[number]=4")).json();
            assertThat(beyond.get("data")).isEmpty();
        }
    }
}
