package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadfeedercamel.simulator.TestDatasets.HELSINKI;
import static org.leadfeedercamel.simulator.TestDatasets.LITE;
import static org.leadfeedercamel.simulator.TestDatasets.LOS_ANGELES;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.simulator.data.SimVisit;

/** {@code POST /v1/web-visits} over real HTTP: UTC date windows, paging and meta, record shape, refusals. */
class SimulatorV1WebVisitsTest {

    private static final LocalDate DAY = LocalDate.parse("2025-04-10");

    private static LeadfeederSimulator simulator;
    private static V1Client client;

    @BeforeAll
    static void start() {
        simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).apiKey("key")
                .apiKey("la-only", Set.of(LOS_ANGELES)).brokenAccounts(Set.of(TestDatasets.KOLKATA))
                .v1RequestsPerSecond(0).start();
        client = new V1Client(simulator.baseUrl(), "key");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void pagesCarryTheTrueTotalsNoLinksAndAnEmptyPagePastTheEnd() throws Exception {
        int total = simulator.dataset().visits(HELSINKI, DAY, DAY, ZoneOffset.UTC, 0, 0).total();
        int pages = (total + 6) / 7;

        JsonNode first = client.webVisits(HELSINKI, DAY, DAY, "&page[size]=7").json();
        assertThat(first.get("data")).hasSize(7);
        assertThat(first.at("/meta/pagination/page_num").asInt()).isEqualTo(1);
        assertThat(first.at("/meta/pagination/page_count").asInt()).isEqualTo(pages);
        assertThat(first.at("/meta/pagination/total_count").asInt()).isEqualTo(total);
        assertThat(first.at("/meta/request_id").asText()).hasSize(36);
        assertThat(first.has("links")).isFalse();

        JsonNode last = client.webVisits(HELSINKI, DAY, DAY, "&page[size]=7&page[num]=" + pages).json();
        assertThat(last.get("data")).hasSize(total - (pages - 1) * 7);

        SimulatorClient.Answer past = client.webVisits(HELSINKI, DAY, DAY, "&page[size]=7&page[num]=" + (pages + 1));
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.json().get("data")).isEmpty();
        assertThat(past.json().at("/meta/pagination/total_count").asInt()).isEqualTo(total);

        JsonNode defaults = client.webVisits(HELSINKI, DAY, DAY, "").json();
        assertThat(defaults.get("data")).hasSize(Math.min(20, total)); // page[size] defaults to 20
    }

    @Test
    void datesAreInclusiveUtcDatesOfStartedAtNewestFirst() throws Exception {
        List<SimVisit> all = new ArrayList<>();
        simulator.dataset().visits(HELSINKI, TestDatasets.FROM, TestDatasets.TO).forEach(all::add);
        // a visit shortly after local midnight in Helsinki started on the previous UTC date
        SimVisit afterMidnight = all.stream().filter(v -> !v.date().equals(utcDate(v))).findFirst().orElseThrow();
        LocalDate utc = utcDate(afterMidnight);

        List<String> onUtcDate = ids(client.allWebVisits(HELSINKI, utc, utc));
        assertThat(onUtcDate).contains(afterMidnight.id());
        assertThat(ids(client.allWebVisits(HELSINKI, afterMidnight.date(), afterMidnight.date())))
                .doesNotContain(afterMidnight.id());
        assertThat(onUtcDate).containsExactlyElementsOf(all.stream().filter(v -> utcDate(v).equals(utc))
                .map(SimVisit::id).toList());

        List<JsonNode> twoDays = client.allWebVisits(HELSINKI, DAY, DAY.plusDays(1));
        assertThat(twoDays).hasSize(client.allWebVisits(HELSINKI, DAY, DAY).size()
                + client.allWebVisits(HELSINKI, DAY.plusDays(1), DAY.plusDays(1)).size());
        List<String> startedAt = twoDays.stream().map(v -> v.at("/attributes/started_at").asText()).toList();
        assertThat(startedAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(startedAt).allSatisfy(s -> assertThat(s).matches("2025-04-1[01]T.*"));
    }

    @Test
    void aRecordHasEngagementsACompanyAndALocation() throws Exception {
        List<SimVisit> visits = new ArrayList<>();
        simulator.dataset().visits(HELSINKI, TestDatasets.FROM, TestDatasets.TO, ZoneOffset.UTC).forEach(visits::add);
        SimVisit known = visits.stream().filter(v -> v.visitorEmail() != null && !v.visitorEmail().isEmpty())
                .findFirst().orElseThrow();
        LocalDate day = utcDate(known);
        List<JsonNode> served = client.allWebVisits(HELSINKI, day, day);
        JsonNode record = served.stream().filter(r -> r.get("id").asText().equals(known.id())).findFirst().orElseThrow();

        assertThat(record.get("type").asText()).isEqualTo("web_visit");
        JsonNode a = record.get("attributes");
        assertThat(a.get("started_at").asText()).isEqualTo(SimFormats.timestamp(known.startedAt()));
        assertThat(a.get("page_depth").asInt()).isEqualTo(known.pageDepth()).isEqualTo(a.get("engagements").size());
        assertThat(a.get("visit_length").asInt()).isEqualTo(known.visitLength());
        assertThat(a.at("/identifiers/lf_client_id").asText()).isEqualTo(known.lfClientId());
        assertThat(a.at("/visitor/email").asText()).isEqualTo(known.visitorEmail());
        assertThat(a.at("/visitor/first_name").asText()).isEqualTo(known.visitorFirstName());
        JsonNode entrance = a.get("engagements").get(0);
        assertThat(entrance.get("event_type").asText()).isEqualTo("page-view");
        assertThat(entrance.get("previous_page_path").asText()).isEqualTo("(entrance)");
        assertThat(entrance.at("/page/path").asText()).isEqualTo(known.route().get(0).pagePath());
        assertThat(entrance.at("/page/url").asText()).isEqualTo(known.route().get(0).pageUrl());
        assertThat(entrance.get("hostname").asText()).isEqualTo(known.route().get(0).hostname());
        assertThat(record.at("/relationships/company/id").asText()).isEqualTo(known.leadId());
        assertThat(record.at("/relationships/company/attributes/name").isTextual()).isTrue();
        assertThat(record.at("/relationships/company/attributes/web_engagement/last_visit_date").asText())
                .matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(record.at("/relationships/location/id").asText()).isEqualTo(known.locationId());
        assertThat(record.at("/relationships/location/attributes/country_code").asText()).isEqualTo(known.countryCode());
        assertThat(record.at("/relationships/location/attributes").has("postal_code")).isTrue();

        // goals are met on the conversion pages only
        assertThat(served).allSatisfy(r -> r.at("/attributes/engagements").forEach(e ->
                assertThat(e.get("has_met_goals").asBoolean())
                        .isEqualTo(Set.of("/contact", "/demo").contains(e.at("/page/path").asText()))));
        // anonymous visits have no visitor object
        assertThat(served).anySatisfy(r -> assertThat(r.at("/attributes/visitor").isNull()).isTrue());

        JsonNode bare = client.webVisits(HELSINKI, day, day, "&page[size]=100").json().get("data").get(0);
        assertThat(bare.at("/relationships/company").size()).isEqualTo(2); // {type, id} without include=company
        assertThat(bare.at("/relationships/company/type").asText()).isEqualTo("company");
        assertThat(bare.at("/relationships/location/attributes/city").isTextual()).isTrue();
    }

    @Test
    void companyAttributesFollowTheDocumentedRules() throws Exception {
        List<JsonNode> served = client.allWebVisits(HELSINKI, DAY, DAY.plusDays(6));
        List<JsonNode> companies = served.stream().map(r -> r.at("/relationships/company/attributes")).toList();
        assertThat(companies).allSatisfy(c -> {
            assertThat(c.get("alternative_names").isArray()).isTrue();
            assertThat(c.at("/meta/do_not_contact").asBoolean()).isFalse();
            assertThat(c.at("/address/street_address").isNull()).isTrue();
            c.at("/industries/industry").forEach(i -> assertThat(i.get("code").asText()).matches("\\d{2}\\.\\d{2}"));
            if (!c.get("revenue").isNull()) {
                assertThat(c.at("/revenue/currency").asText()).isEqualTo("EUR");
                assertThat(c.at("/revenue/value").asLong()).isPositive();
            }
            if (!c.get("employee_range").isNull()) {
                assertThat(c.get("employee_range").asText()).matches("\\d+-\\d+");
            }
        });
        assertThat(companies).anySatisfy(c -> assertThat(c.get("revenue").isNull()).isTrue());
        assertThat(companies).anySatisfy(c -> assertThat(c.at("/social_media_profiles/linkedin/0/url").asText())
                .startsWith("https://www.linkedin.com/company/"));
        assertThat(companies).anySatisfy(c -> assertThat(c.at("/social_media_profiles/twitter/0/url").asText())
                .startsWith("https://twitter.com/"));
    }

    @Test
    void filtersNarrowTheSearchAndAnAccountIdInTheBodyIsIgnored() throws Exception {
        JsonNode first = client.webVisits(HELSINKI, DAY, DAY.plusDays(6), "&page[size]=1").json().get("data").get(0);
        String company = first.at("/relationships/company/id").asText();
        String window = "\"start_date\":\"" + DAY + "\",\"end_date\":\"" + DAY.plusDays(6) + "\"";

        JsonNode byCompany = client.post("/v1/web-visits?account_id=" + HELSINKI + "&page[size]=100",
                "{" + window + ",\"account_id\":\"" + LOS_ANGELES + "\",\"filters\":{\"company_id\":\"" + company + "\"}}").json();
        assertThat(byCompany.get("data")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.at("/relationships/company/id").asText()).isEqualTo(company));
        assertThat(byCompany.at("/meta/pagination/total_count").asInt()).isEqualTo(byCompany.get("data").size());

        JsonNode byCountry = client.post("/v1/web-visits?account_id=" + HELSINKI + "&page[size]=100",
                "{" + window + ",\"filters\":{\"location_country_codes\":[\"FI\",\"DE\"]}}").json();
        assertThat(byCountry.get("data")).isNotEmpty().allSatisfy(r ->
                assertThat(r.at("/relationships/location/attributes/country_code").asText()).isIn("FI", "DE"));

        JsonNode byCity = client.post("/v1/web-visits?account_id=" + HELSINKI + "&page[size]=100",
                "{" + window + ",\"filters\":{\"location_cities\":[\"Tampere\"]}}").json();
        assertThat(byCity.get("data")).isNotEmpty().allSatisfy(r ->
                assertThat(r.at("/relationships/location/attributes/city").asText()).isEqualTo("Tampere"));
    }

    @Test
    void everyBadParameterAnswers400NamingIt() throws Exception {
        String body = "{\"start_date\":\"2025-04-01\",\"end_date\":\"2025-04-02\"}";
        assertInvalid(client.post("/v1/web-visits", body), "account_id");
        assertInvalid(client.post("/v1/web-visits?account_id=" + HELSINKI + "&page[size]=101", body), "page[size]");
        assertInvalid(client.post("/v1/web-visits?account_id=" + HELSINKI + "&page[size]=0", body), "page[size]");
        assertInvalid(client.post("/v1/web-visits?account_id=" + HELSINKI + "&page[num]=0", body), "page[num]");
        assertInvalid(client.post("/v1/web-visits?account_id=" + HELSINKI + "&include=tags", body), "include");
        assertInvalid(client.post("/v1/web-visits?account_id=" + HELSINKI, "{\"end_date\":\"2025-04-02\"}"), "start_date");
        assertInvalid(client.post("/v1/web-visits?account_id=" + HELSINKI, "{\"start_date\":\"2025-04-01\"}"), "end_date");
        assertInvalid(client.post("/v1/web-visits?account_id=" + HELSINKI,
                "{\"start_date\":\"2025-4-01\",\"end_date\":\"2025-04-02\"}"), "start_date");
        assertInvalid(client.post("/v1/web-visits?account_id=" + HELSINKI,
                "{\"start_date\":\"2025-04-03\",\"end_date\":\"2025-04-02\"}"), "start_date");
        assertInvalid(client.post("/v1/web-visits?account_id=" + HELSINKI, "{not json"), "body");
        assertInvalid(client.post("/v1/web-visits?account_id=" + HELSINKI,
                "{\"start_date\":\"2025-04-01\",\"end_date\":\"2025-04-02\",\"filters\":{\"location_cities\":\"Espoo\"}}"),
                "filters.location_cities");
    }

    @Test
    void hiddenUnknownLiteAndBrokenAccountsAreRefused() throws Exception {
        V1Client laOnly = new V1Client(simulator.baseUrl(), "la-only");
        assertError(laOnly.webVisits(HELSINKI, DAY, DAY, ""), 403, "forbidden");
        assertThat(laOnly.webVisits(LOS_ANGELES, DAY, DAY, "").status()).isEqualTo(200);
        assertError(client.webVisits("999999", DAY, DAY, ""), 403, "forbidden");
        assertError(client.webVisits(LITE, DAY, DAY, ""), 403, "insufficient_entitlements");
        assertError(client.webVisits(TestDatasets.KOLKATA, DAY, DAY, ""), 500, "internal_server_error");
        assertError(client.get("/v1/web-visits?account_id=" + HELSINKI), 404, "entity_not_found"); // it is a POST
    }

    @Test
    void injectedFaultsHitDataEndpointsOnly() throws Exception {
        simulator.faults().injectNext(Fault.SERVER_ERROR, 1);
        assertThat(client.get("/v1/accounts").status()).isEqualTo(200);
        assertError(client.webVisits(HELSINKI, DAY, DAY, ""), 500, "internal_server_error");
        simulator.faults().injectNext(Fault.BAD_GATEWAY, 1);
        SimulatorClient.Answer gateway = client.companies(HELSINKI, DAY, DAY, "");
        assertThat(gateway.status()).isEqualTo(502);
        assertThat(gateway.body()).startsWith("<html>");
        assertThat(client.webVisits(HELSINKI, DAY, DAY, "").status()).isEqualTo(200);
    }

    @Test
    void lateArrivalsShiftTheNextPage() throws Exception {
        LocalDate lastDay = TestDatasets.TO; // arrivals land late on the account's latest day, still that UTC date
        try (LeadfeederSimulator arriving = LeadfeederSimulator.builder().dataset(TestDatasets.small()).apiKey("k")
                .v1RequestsPerSecond(0).faults(new FaultSettings(1, 0, 0, 0, 0, 0, 1)).start()) {
            V1Client k = new V1Client(arriving.baseUrl(), "k");
            JsonNode first = k.webVisits(HELSINKI, lastDay, lastDay, "&page[size]=5").json();
            JsonNode again = k.webVisits(HELSINKI, lastDay, lastDay, "&page[size]=5").json();
            assertThat(again.at("/meta/pagination/total_count").asInt())
                    .isEqualTo(first.at("/meta/pagination/total_count").asInt() + 1);
            assertThat(again.at("/data/1/id")).isEqualTo(first.at("/data/0/id")); // the newcomer is newest
        }
    }

    static void assertInvalid(SimulatorClient.Answer answer, String parameter) {
        assertError(answer, 400, "invalid_parameter");
        assertThat(answer.json().at("/errors/0/detail").asText()).startsWith(parameter + " ");
    }

    static void assertError(SimulatorClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json().at("/errors/0/code").asText()).isEqualTo(code);
        assertThat(answer.json().at("/meta/request_id").asText()).hasSize(36);
    }

    private static LocalDate utcDate(SimVisit visit) {
        return visit.startedAt().atZone(ZoneId.of("UTC")).toLocalDate();
    }

    private static List<String> ids(List<JsonNode> records) {
        return StreamSupport.stream(records.spliterator(), false).map(r -> r.get("id").asText()).toList();
    }
}
