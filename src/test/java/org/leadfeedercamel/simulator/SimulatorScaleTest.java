package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadfeedercamel.simulator.SimulatorClient.brackets;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.simulator.data.DatasetSpec;

/** A million-visit dataset is served from its seed alone: any page, any window, without building it first. */
class SimulatorScaleTest {

    @Test
    void aMillionVisitDatasetServesDeepPagesAndYearLongLeads() throws Exception {
        DatasetSpec spec = DatasetSpec.defaults().withTimezones(List.of(ZoneId.of("America/New_York")))
                .withRange(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"))
                .withVisitsPerAccount(1_000_000).withCompaniesPerAccount(10_000);
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(spec).token("tok").requestsPerWindow(0).start()) {
            SimulatorClient client = new SimulatorClient(simulator.baseUrl(), "tok");

            JsonNode year = client.get(brackets("/accounts/100001/visits?start_date=2024-01-01&end_date=2024-12-31&page[size]=100")).json();
            JsonNode deep = client.get(brackets("/accounts/100001/visits?start_date=2024-06-03&end_date=2024-06-03&page[size]=100&page[number]=30")).json();
            JsonNode leads = client.get(brackets("/accounts/100001/leads?start_date=2024-01-01&end_date=2024-12-31&page[size]=100&page[number]=100")).json();

            assertThat(simulator.dataset().visits("100001", spec.from(), spec.to(), 0, 0).total()).isEqualTo(1_000_000);
            assertThat(year.get("data")).hasSize(100);
            assertThat(year.get("links").get("last").asText()).contains("page%5Bnumber%5D=100&");
            assertThat(deep.get("data")).isNotEmpty();
            assertThat(deep.get("data").get(0).get("attributes").get("date").asText()).isEqualTo("2024-06-03");
            assertThat(leads.get("data")).hasSize(100);
        }
    }
}
