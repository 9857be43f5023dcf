package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadfeedercamel.simulator.TestDatasets.HELSINKI;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.simulator.data.ExpectedRows;

/**
 * The rows {@link ExpectedRows}' v1 methods promise are the rows a connector builds from every page the
 * unified API serves: each served record is mapped here the way a connector maps it ("" → null).
 */
class V1ExpectedRowsTest {

    private static final LocalDate FROM = LocalDate.parse("2025-04-01");
    private static final LocalDate TO = LocalDate.parse("2025-04-10");

    private static LeadfeederSimulator simulator;
    private static List<JsonNode> visits;
    private static List<JsonNode> companies;
    private static ExpectedRows expected;

    @BeforeAll
    static void start() throws Exception {
        simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).apiKey("k").v1RequestsPerSecond(0).start();
        V1Client client = new V1Client(simulator.baseUrl(), "k");
        visits = client.allWebVisits(HELSINKI, FROM, TO);
        companies = client.allCompanies(HELSINKI, FROM, TO);
        expected = new ExpectedRows(simulator.dataset());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void visits() {
        List<Map<String, Object>> served = new ArrayList<>();
        for (JsonNode v : visits) {
            JsonNode a = v.get("attributes");
            JsonNode visitor = a.get("visitor");
            served.add(row("account_id", HELSINKI, "visit_id", v.get("id").asText(),
                    "lead_id", text(v.at("/relationships/company/id")), "location_id", text(v.at("/relationships/location/id")),
                    "source", text(a.get("source")), "medium", text(a.get("medium")),
                    "referring_url", text(a.get("referring_url")), "landing_page_path", text(a.get("landing_page_path")),
                    "keyword", text(a.get("keyword")), "query_term", null, "campaign", text(a.get("campaign")),
                    "page_depth", a.get("page_depth").asInt(), "visit_length", a.get("visit_length").asInt(),
                    "started_at", Instant.parse(a.get("started_at").asText()), "visit_date", null, "visit_hour", null,
                    "lf_client_id", text(a.at("/identifiers/lf_client_id")), "ga_client_ids", strings(a.at("/identifiers/ga_client_ids")),
                    "country_code", text(v.at("/relationships/location/attributes/country_code")),
                    "device_type", text(a.get("device_type")),
                    "visitor_email", visitor.isNull() ? null : text(visitor.get("email")),
                    "visitor_first_name", visitor.isNull() ? null : text(visitor.get("first_name")),
                    "visitor_last_name", visitor.isNull() ? null : text(visitor.get("last_name"))));
        }
        assertThat(served).hasSizeGreaterThan(100).isEqualTo(expected.v1Visits(HELSINKI, FROM, TO));
    }

    @Test
    void visitRoutes() {
        List<Map<String, Object>> served = new ArrayList<>();
        for (JsonNode v : visits) {
            int number = 1;
            for (JsonNode e : v.at("/attributes/engagements")) {
                served.add(row("account_id", HELSINKI, "visit_id", v.get("id").asText(), "page_number", number++,
                        "hostname", text(e.get("hostname")), "page_path", text(e.at("/page/path")),
                        "previous_page_path", text(e.get("previous_page_path")), "time_on_page", e.get("time_on_page").asInt(),
                        "page_title", text(e.at("/page/title")), "page_url", text(e.at("/page/url")),
                        "display_page_name", null, "event_type", text(e.get("event_type")),
                        "has_met_goals", e.get("has_met_goals").asBoolean()));
            }
        }
        assertThat(served).isEqualTo(expected.v1VisitRoutes(HELSINKI, FROM, TO));
    }

    @Test
    void leadsFromTheCompaniesEndpoint() {
        Map<String, Map<String, Object>> served = new LinkedHashMap<>();
        for (JsonNode r : companies) {
            JsonNode c = r.at("/relationships/company/attributes");
            List<Map<String, Object>> industries = new ArrayList<>();
            c.at("/industries/industry").forEach(i -> industries.add(row("code", text(i.get("code")), "name", text(i.get("name")))));
            String range = text(c.get("employee_range"));
            JsonNode twitter = c.at("/social_media_profiles/twitter/0/url");
            served.putIfAbsent(r.at("/relationships/company/id").asText(), row("account_id", HELSINKI,
                    "lead_id", r.at("/relationships/company/id").asText(), "name", text(c.get("name")),
                    "industry", industries.isEmpty() ? null : industries.get(0).get("name"), "industries", industries,
                    "first_visit_date", null, "last_visit_date", LocalDate.parse(c.at("/web_engagement/last_visit_date").asText()),
                    "status", null, "website_url", text(c.get("url")), "phone", null,
                    "linkedin_url", text(c.at("/social_media_profiles/linkedin/0/url")),
                    "twitter_handle", twitter.isMissingNode() ? null : twitter.asText().replace("https://twitter.com/", ""),
                    "facebook_url", text(c.at("/social_media_profiles/facebook/0/url")),
                    "employee_count", c.get("employee_count").isNull() ? null : c.get("employee_count").asInt(),
                    "employees_range_min", range == null ? null : Integer.valueOf(range.split("-")[0]),
                    "employees_range_max", range == null ? null : Integer.valueOf(range.split("-")[1]),
                    "crm_lead_id", null, "crm_organization_id", null, "tags", null, "logo_url", text(c.get("logo_url")),
                    "assignee", null, "business_id", text(c.get("vat_id")),
                    "revenue", c.get("revenue").isNull() ? null
                            : row("value", c.at("/revenue/value").asLong(), "currency", text(c.at("/revenue/currency"))),
                    "emailed_to", null, "view_in_leadfeeder", null, "visits", null, "quality", null, "location_id", null));
        }
        assertThat(new ArrayList<>(served.values())).hasSizeGreaterThan(20).isEqualTo(expected.v1Leads(HELSINKI, FROM, TO));
    }

    @Test
    void locationsOfVisitsAndCompanyLocations() {
        Map<String, Map<String, Object>> served = new TreeMap<>();
        List<JsonNode> all = new ArrayList<>(visits);
        all.addAll(companies);
        for (JsonNode r : all) {
            JsonNode l = r.at("/relationships/location");
            served.put(l.get("id").asText(), row("account_id", HELSINKI, "location_id", l.get("id").asText(),
                    "country", text(l.at("/attributes/country")), "country_code", text(l.at("/attributes/country_code")),
                    "region", text(l.at("/attributes/region")), "region_code", null,
                    "city", text(l.at("/attributes/city")), "state_code", null));
        }
        assertThat(new ArrayList<>(served.values())).isEqualTo(expected.v1Locations(HELSINKI, FROM, TO));
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() || node.asText().isEmpty() ? null : node.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }
}
