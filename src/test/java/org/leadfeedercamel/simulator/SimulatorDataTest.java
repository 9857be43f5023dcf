package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadfeedercamel.simulator.SimulatorClient.brackets;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.simulator.data.DatasetSpec;

/** The generated data keeps the invariants and the quirks of real payloads (reference §8.9, §4). */
class SimulatorDataTest {

    private static final Pattern UUID_V1 = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final Pattern STARTED_AT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern LF_CLIENT_ID = Pattern.compile("LF1\\.1\\.[0-9a-f]{16}\\.\\d{13}");
    private static final String WINDOW = "?start_date=2025-03-01&end_date=2025-04-30&page[size]=100";

    private static LeadfeederSimulator simulator;
    private static SimulatorClient client;
    private static final Map<String, ZoneId> ZONES = new HashMap<>();
    private static final List<JsonNode> VISITS = new ArrayList<>();
    private static final Map<String, String> ACCOUNT_OF_VISIT = new HashMap<>();
    private static final List<JsonNode> LEADS = new ArrayList<>();
    private static final List<JsonNode> LOCATIONS = new ArrayList<>();
    private static final StringBuilder RAW = new StringBuilder();

    @BeforeAll
    static void readEverything() throws Exception {
        simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).token("tok").requestsPerWindow(0).start();
        client = new SimulatorClient(simulator.baseUrl(), "tok");
        for (JsonNode account : client.get("/accounts").json().get("data")) {
            String id = account.get("id").asText();
            ZONES.put(id, ZoneId.of(account.get("attributes").get("timezone").asText()));
            if (TestDatasets.LITE.equals(id)) {
                continue;
            }
            for (String stream : new String[] {"visits", "leads"}) {
                String next = brackets("/accounts/" + id + "/" + stream + WINDOW);
                while (next != null) {
                    SimulatorClient.Answer answer = client.get(next);
                    RAW.append(answer.body());
                    JsonNode page = answer.json();
                    for (JsonNode record : page.get("data")) {
                        if ("visits".equals(stream)) {
                            VISITS.add(record);
                            ACCOUNT_OF_VISIT.put(record.get("id").asText(), id);
                        } else {
                            LEADS.add(record);
                        }
                    }
                    page.get("included").forEach(LOCATIONS::add);
                    next = page.get("links").has("next") ? page.get("links").get("next").asText() : null;
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void visitsKeepTheInvariantsOfRealPayloads() {
        assertThat(VISITS).hasSize(9_000);
        for (JsonNode visit : VISITS) {
            JsonNode a = visit.get("attributes");
            JsonNode route = a.get("visit_route");
            assertThat(visit.get("id").asText()).matches(UUID_V1);
            assertThat(a.get("page_depth").asInt()).isEqualTo(route.size()).isPositive();
            int sum = 0;
            for (int i = 0; i < route.size(); i++) {
                JsonNode page = route.get(i);
                sum += page.get("time_on_page").asInt();
                assertThat(page.get("previous_page_path").asText())
                        .isEqualTo(i == 0 ? "(entrance)" : route.get(i - 1).get("page_path").asText());
                assertThat(page.get("page_url").asText()).isEqualTo("http://" + page.get("hostname").asText() + page.get("page_path").asText());
                assertThat(page.get("display_page_name").asText()).isEqualTo(page.get("page_url").asText());
                assertThat(page.get("page_path").asText()).doesNotContain("gclid", "utm_");
            }
            assertThat(route.get(route.size() - 1).get("time_on_page").asInt()).isZero();
            assertThat(a.get("visit_length").asInt()).isEqualTo(sum);
            assertThat(a.get("landing_page_path").asText()).startsWith(route.get(0).get("page_path").asText());

            String startedAt = a.get("started_at").asText();
            assertThat(startedAt).matches(STARTED_AT);
            ZonedDateTime local = Instant.parse(startedAt).atZone(ZONES.get(ACCOUNT_OF_VISIT.get(visit.get("id").asText())));
            assertThat(a.get("date").asText()).isEqualTo(local.toLocalDate().toString());
            assertThat(a.get("hour").asInt()).isEqualTo(local.getHour());

            assertThat(a.get("lead_id").asText()).contains("_");
            assertThat(a.get("lf_client_id").asText()).matches(LF_CLIENT_ID);
            assertThat(a.get("ga_client_ids").isArray()).isTrue();
            assertThat(visit.get("relationships").get("location").get("data").get("type").asText()).isEqualTo("locations");
        }
    }

    @Test
    void idsAreUniqueAndShapedLikeTheRealOnes() {
        assertThat(VISITS.stream().map(v -> v.get("id").asText()).distinct().count()).isEqualTo(VISITS.size());
        assertThat(LEADS).allSatisfy(l -> assertThat(l.get("id").asText()).matches(UUID_V1.pattern() + "_[0-9A-Za-z-]{22,36}"));
        assertThat(LOCATIONS).anySatisfy(l -> assertThat(l.get("id").asText()).matches(UUID_V1));
        assertThat(LOCATIONS).anySatisfy(l -> assertThat(l.get("id").asText()).matches("[2-9A-HJ-NP-Za-km-z]{22}"));
    }

    @Test
    void optionalFieldsComeAsBothNullAndEmptyString() {
        String raw = RAW.toString();
        for (String field : new String[] {"referring_url", "keyword", "campaign", "query_term", "visitor_email", "phone",
            "twitter_handle", "crm_lead_id", "region_code"}) {
            assertThat(raw).as(field).contains("\"" + field + "\":\"\"").contains("\"" + field + "\":null");
        }
    }

    @Test
    void landingPathsCarryLongTrackingQueriesThatRoutesStrip() {
        List<String> landing = VISITS.stream().map(v -> v.get("attributes").get("landing_page_path").asText()).toList();

        assertThat(landing).anySatisfy(path -> assertThat(path).hasSizeGreaterThan(500).contains("gclid=", "utm_source="));
        assertThat(landing).anySatisfy(path -> assertThat(path).hasSizeGreaterThan(1_500));
        assertThat(landing.stream().filter(p -> p.length() > 500).count()).isGreaterThan(VISITS.size() / 20);
    }

    @Test
    void textIsNotAllAscii() {
        assertThat(VISITS).anySatisfy(v -> assertThat(v.get("attributes").get("visit_route").toString()).containsPattern("[ü–’東🚀]"));
        assertThat(LEADS).anySatisfy(l -> assertThat(l.get("attributes").get("name").asText()).containsPattern("[^\\x00-\\x7F]"));
        assertThat(LOCATIONS).anySatisfy(l -> assertThat(l.get("attributes").get("city").asText()).containsPattern("[^\\x00-\\x7F]"));
    }

    @Test
    void arraysAreArraysAndSometimesFull() {
        assertThat(LEADS).allSatisfy(l -> {
            assertThat(l.get("attributes").get("tags").isArray()).isTrue();
            assertThat(l.get("attributes").get("industries").isArray()).isTrue();
        });
        assertThat(LEADS).anySatisfy(l -> assertThat(l.get("attributes").get("tags")).isNotEmpty());
        assertThat(LEADS).anySatisfy(l -> assertThat(l.get("attributes").get("industries").get(0).get("name").isTextual()).isTrue());
        assertThat(LEADS).anySatisfy(l -> assertThat(l.get("attributes").get("employees_range").get("max").asInt()).isPositive());
        assertThat(VISITS).anySatisfy(v -> assertThat(v.get("attributes").get("ga_client_ids")).hasSizeGreaterThan(1));
        assertThat(VISITS).anySatisfy(v -> assertThat(v.get("attributes").get("visitor_email").asText()).contains("@"));
    }

    @Test
    void accountsLiveInDifferentTimezones() {
        assertThat(ZONES.values()).extracting(ZoneId::getId)
                .contains("Europe/Helsinki", "America/Los_Angeles", "Asia/Kolkata");
    }

    @Test
    void theSameSeedServesTheSameBytesAndAnotherSeedDoesNot() throws Exception {
        String page = brackets("/accounts/100002/visits?start_date=2025-04-01&end_date=2025-04-07&page[size]=50&page[number]=2");
        DatasetSpec spec = TestDatasets.small();
        try (LeadfeederSimulator same = LeadfeederSimulator.builder().dataset(spec).token("tok").port(0).start();
             LeadfeederSimulator other = LeadfeederSimulator.builder().dataset(spec.withSeed(7)).token("tok").start()) {
            String original = client.get(page).body();
            String again = new SimulatorClient(same.baseUrl(), "tok").get(page).body()
                    .replace(same.baseUrl(), simulator.baseUrl());
            String different = new SimulatorClient(other.baseUrl(), "tok").get(page).body();

            assertThat(again).isEqualTo(original);
            assertThat(different).isNotEqualTo(original.replace(simulator.baseUrl(), other.baseUrl()));
        }
    }
}
