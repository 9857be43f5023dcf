package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadfeedercamel.simulator.SimulatorClient.brackets;
import static org.leadfeedercamel.simulator.TestDatasets.HELSINKI;
import static org.leadfeedercamel.simulator.TestDatasets.KOLKATA;
import static org.leadfeedercamel.simulator.TestDatasets.LOS_ANGELES;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadfeedercamel.simulator.data.ExpectedRows;

/** Date windows, page parameters, absolute links, newest-first ordering and `included` locations. */
class SimulatorPagingTest {

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

    @ParameterizedTest
    @ValueSource(strings = {"", "?start_date=2025-04-01", "?end_date=2025-04-01", "?start_date=2025-13-01&end_date=2025-04-01",
        "?start_date=01.04.2025&end_date=2025-04-02", "?start_date=2025-04-02&end_date=2025-04-01",
        "?start_date=2025-04-01&end_date=tomorrow", "?start_date=2025-04-01&end_date=2025-04-02&page[size]=0",
        "?start_date=2025-04-01&end_date=2025-04-02&page[size]=101", "?start_date=2025-04-01&end_date=2025-04-02&page[size]=ten",
        "?start_date=2025-04-01&end_date=2025-04-02&page[number]=0", "?start_date=2025-04-01&end_date=2025-04-02&page[number]=-3"})
    void badDatesAndPageParametersAreJsonApi400s(String query) throws Exception {
        for (String stream : new String[] {"visits", "leads"}) {
            SimulatorClient.Answer answer = client.get(brackets("/accounts/" + HELSINKI + "/" + stream + query));

            assertThat(answer.status()).as(stream + query).isEqualTo(400);
            JsonNode error = answer.json().get("errors").get(0);
            assertThat(error.get("status").asText()).isEqualTo("400");
            assertThat(error.get("title").asText()).isEqualTo("Bad Request");
            assertThat(error.get("detail").asText()).isNotBlank();
        }
    }

    @Test
    void aTimestampIsReadByItsDatePart() throws Exception {
        SimulatorClient.Answer answer = client.get(
                "/accounts/" + HELSINKI + "/visits?start_date=2025-04-01T00:00:00.000000Z&end_date=2025-04-01T00:00:00.000000Z");

        assertThat(answer.status()).isEqualTo(200);
        answer.json().get("data").forEach(v -> assertThat(v.get("attributes").get("date").asText()).isEqualTo("2025-04-01"));
    }

    @Test
    void defaultPageIsTheFirstTenAndLinksAreAbsoluteSortedAndEncoded() throws Exception {
        JsonNode page = client.get("/accounts/" + HELSINKI + "/visits?start_date=2025-03-01&end_date=2025-04-30&zeta=1").json();

        assertThat(page.get("data")).hasSize(10);
        int total = simulator.dataset().visits(HELSINKI, TestDatasets.FROM, TestDatasets.TO, 0, 0).total();
        String base = simulator.baseUrl() + "/accounts/" + HELSINKI + "/visits?end_date=2025-04-30";
        assertThat(page.get("links").get("self").asText())
                .isEqualTo(base + "&page%5Bnumber%5D=1&page%5Bsize%5D=10&start_date=2025-03-01&zeta=1");
        assertThat(page.get("links").get("next").asText())
                .isEqualTo(base + "&page%5Bnumber%5D=2&page%5Bsize%5D=10&start_date=2025-03-01&zeta=1");
        assertThat(page.get("links").get("last").asText())
                .isEqualTo(base + "&page%5Bnumber%5D=" + ((total + 9) / 10) + "&page%5Bsize%5D=10&start_date=2025-03-01&zeta=1");
        assertThat(page.get("links").has("prev")).isFalse();
        assertThat(page.has("meta")).isFalse();
    }

    @Test
    void linksFollowTheHostTheClientCalled() throws Exception {
        SimulatorClient viaLocalhost = new SimulatorClient("http://localhost:" + simulator.port(), "tok");

        JsonNode page = viaLocalhost.get("/accounts/" + HELSINKI + "/visits?start_date=2025-04-01&end_date=2025-04-30").json();

        assertThat(page.get("links").get("next").asText()).startsWith("http://localhost:" + simulator.port() + "/accounts/");
    }

    @Test
    void followingNextReadsEveryVisitOnceNewestFirstAndMatchesTheExpectedRows() throws Exception {
        List<JsonNode> pages = client.allPages(brackets("/accounts/" + LOS_ANGELES + "/visits?start_date=2025-03-01&end_date=2025-04-30&page[size]=100"));

        List<String> ids = new ArrayList<>();
        Instant previous = Instant.MAX;
        for (JsonNode page : pages) {
            for (JsonNode visit : page.get("data")) {
                ids.add(visit.get("id").asText());
                Instant started = Instant.parse(visit.get("attributes").get("started_at").asText());
                assertThat(started).isBeforeOrEqualTo(previous);
                previous = started;
            }
        }
        List<Map<String, Object>> expected = new ExpectedRows(simulator.dataset()).visits(LOS_ANGELES, TestDatasets.FROM, TestDatasets.TO);
        assertThat(ids).hasSize(3_000).doesNotHaveDuplicates();
        assertThat(ids).containsExactlyElementsOf(expected.stream().map(r -> (String) r.get("visit_id")).toList());
        JsonNode last = pages.get(pages.size() - 1);
        assertThat(last.get("links").has("next")).isFalse();
        assertThat(last.get("links").get("last").asText()).isEqualTo(last.get("links").get("self").asText());
        assertThat(pages).hasSize(30);
    }

    @Test
    void aPagePastTheEndIsEmpty() throws Exception {
        JsonNode page = client.get(brackets("/accounts/" + HELSINKI + "/visits?start_date=2025-04-01&end_date=2025-04-01&page[number]=999&page[size]=100")).json();

        assertThat(page.get("data")).isEmpty();
        assertThat(page.get("included")).isEmpty();
        assertThat(page.get("links").has("next")).isFalse();
        assertThat(page.get("links").get("self").asText()).contains("page%5Bnumber%5D=999");
    }

    @Test
    void aWindowWithoutVisitsHasNoLastLink() throws Exception {
        JsonNode page = client.get("/accounts/" + HELSINKI + "/visits?start_date=2020-01-01&end_date=2020-01-31").json();

        assertThat(page.get("data")).isEmpty();
        assertThat(page.get("links").has("last")).isFalse();
        assertThat(page.get("links").has("self")).isTrue();
    }

    @Test
    void datesAreInclusiveAndAccountLocal() throws Exception {
        for (String account : new String[] {HELSINKI, LOS_ANGELES, KOLKATA}) {
            List<JsonNode> pages = client.allPages(brackets("/accounts/" + account + "/visits?start_date=2025-03-30&end_date=2025-03-31&page[size]=100"));
            Set<String> days = new HashSet<>();
            for (JsonNode page : pages) {
                for (JsonNode visit : page.get("data")) {
                    days.add(visit.get("attributes").get("date").asText());
                }
            }
            assertThat(days).as(account).containsExactlyInAnyOrder("2025-03-30", "2025-03-31");
        }
    }

    @Test
    void includedHoldsEachReferencedLocationOncePerPage() throws Exception {
        for (String stream : new String[] {"visits", "leads"}) {
            JsonNode page = client.get(brackets("/accounts/" + HELSINKI + "/" + stream + "?start_date=2025-03-01&end_date=2025-04-30&page[size]=100")).json();
            Set<String> referenced = new HashSet<>();
            page.get("data").forEach(r -> referenced.add(r.get("relationships").get("location").get("data").get("id").asText()));
            List<String> included = new ArrayList<>();
            page.get("included").forEach(l -> {
                assertThat(l.get("type").asText()).isEqualTo("locations");
                included.add(l.get("id").asText());
            });

            assertThat(included).as(stream).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(referenced);
            assertThat(referenced.size()).as(stream + " should share locations across records").isLessThan(page.get("data").size());
        }
    }

    @Test
    void leadsAreOrderedByLastVisitDateDescThenId() throws Exception {
        List<JsonNode> pages = client.allPages(brackets("/accounts/" + HELSINKI + "/leads?start_date=2025-03-01&end_date=2025-04-30&page[size]=7"));
        List<JsonNode> leads = new ArrayList<>();
        pages.forEach(p -> p.get("data").forEach(leads::add));

        for (int i = 1; i < leads.size(); i++) {
            LocalDate before = LocalDate.parse(leads.get(i - 1).get("attributes").get("last_visit_date").asText());
            LocalDate after = LocalDate.parse(leads.get(i).get("attributes").get("last_visit_date").asText());
            assertThat(after).isBeforeOrEqualTo(before);
            if (after.equals(before)) {
                assertThat(leads.get(i).get("id").asText()).isGreaterThan(leads.get(i - 1).get("id").asText());
            }
        }
        assertThat(leads).hasSizeGreaterThan(50);
    }

    @Test
    void accountsEchoPageParameters() throws Exception {
        JsonNode page = client.get(brackets("/accounts?page[size]=1&page[number]=1")).json();

        assertThat(page.get("data")).hasSize(4); // not paginated, like the real endpoint
        assertThat(page.get("links").get("self").asText())
                .isEqualTo(simulator.baseUrl() + "/accounts?page%5Bnumber%5D=1&page%5Bsize%5D=1");
    }
}
