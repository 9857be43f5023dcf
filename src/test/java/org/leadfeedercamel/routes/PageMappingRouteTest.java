package org.leadfeedercamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.mapping.PageRows;
import org.leadfeedercamel.mapping.PageMapper;
import org.leadfeedercamel.mapping.RecordMapper;

/**
 * leadfeeder-page-map with the classic visits and leads mappings: a page becomes rows per table, each visit's route
 * becomes numbered child rows, and records that cannot be mapped are kept with a reason while the
 * rest of the page loads. The pages are written out here because the simulator serves only valid data.
 */
class PageMappingRouteTest extends RouteTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String VISITS_PAGE = """
            {"data":[
              {"id":"v-ok","type":"visits","attributes":{"source":"Google","medium":"cpc","referring_url":"","page_depth":3,
                "landing_page_path":"/pricing?gclid=abc","visit_route":[
                  {"hostname":"www.x.example","page_path":"/pricing","previous_page_path":"(entrance)","time_on_page":42,"page_title":"Pricing – X","page_url":"http://www.x.example/pricing","display_page_name":"http://www.x.example/pricing"},
                  {"hostname":"www.x.example","page_path":"/about","previous_page_path":"/pricing","time_on_page":75,"page_title":"Über uns","page_url":"http://www.x.example/about","display_page_name":"http://www.x.example/about","scroll_depth":80},
                  {"hostname":"www.x.example","page_path":"/contact","previous_page_path":"/about","time_on_page":0,"page_title":"Contact","page_url":"http://www.x.example/contact","display_page_name":"http://www.x.example/contact"}],
                "keyword":"x pricing","visit_length":117,"started_at":"2025-04-22T06:59:58.637Z","campaign":"spring","query_term":null,
                "lf_client_id":"LF1.1.3c9e1f0a7b2d4e65.1745305198637","ga_client_ids":["1234567890.1745305198"],"country_code":"FI",
                "device_type":"desktop","visitor_email":"","visitor_first_name":null,"visitor_last_name":null,"date":"2025-04-22","hour":9,
                "lead_id":"lead-1_loc-1","adobe_cookies":["a"],"new_field":{"nested":true}},
               "relationships":{"location":{"data":{"id":"loc-1","type":"locations"}}}},
              {"type":"visits","attributes":{"visit_route":[]}},
              {"id":"v-bad-type","type":"visits","attributes":{"page_depth":"three","visit_route":[]}},
              {"id":"v-bad-route","type":"visits","attributes":{"visit_route":"not a list"}},
              {"id":"v-bad-date","type":"visits","attributes":{"date":"22.04.2025","visit_route":[]}},
              {"id":"v-minimal","type":"visits","attributes":{"visit_route":[]}}
            ],
            "included":[{"id":"loc-1","type":"locations","attributes":{"country":"Finland","country_code":"FI","region":"Uusimaa","region_code":"","city":"Espoo","state_code":null}},
                        {"id":"loc-1","type":"locations","attributes":{"country":"Finland","country_code":"FI","region":"Uusimaa","region_code":null,"city":"Espoo","state_code":null}}],
            "links":{"self":"x"}}
            """;

    private static final String LEADS_PAGE = """
            {"data":[
              {"id":"lead-1_loc-1","type":"leads","attributes":{"name":"Northwind Oy","industry":"Software","industries":[{"name":"Software"}],
                "first_visit_date":"2025-03-02","last_visit_date":"2025-04-28","status":"new","website_url":"http://northwind.example",
                "phone":"","linkedin_url":null,"twitter_handle":null,"facebook_url":null,"employee_count":85,
                "employees_range":{"min":51,"max":200},"crm_lead_id":12345,"crm_organization_id":null,"tags":["ICP"],"logo_url":null,
                "assignee":"a@b.example","business_id":"FI1","revenue":"10M-50M","emailed_to":null,
                "view_in_leadfeeder":"https://app.leadfeeder.com/l/1/leads/lead-1_loc-1","visits":7,"quality":6},
               "relationships":{"location":{"data":{"id":"loc-1","type":"locations"}}}},
              {"id":"lead-2","type":"leads","attributes":{"employees_range":"51-200"}},
              {"id":"lead-3","type":"leads","attributes":{"visits":7.5}}
            ],"included":[],"links":{}}
            """;

    /** Counts and flags sent as strings, as some API versions and proxies send them. */
    private static final String STRING_NUMBERS_PAGE = """
            {"data":[
              {"id":"v-strings","type":"visits","attributes":{"page_depth":"2","visit_length":"12","hour":"09","date":"2025-04-22",
                "visit_route":[{"page_path":"/a","time_on_page":"12"},{"page_path":"/b","time_on_page":0}]}},
              {"id":"v-word","type":"visits","attributes":{"visit_length":"twelve","visit_route":[]}},
              {"id":"v-fraction","type":"visits","attributes":{"visit_length":"12.5","visit_route":[]}},
              {"id":"v-huge","type":"visits","attributes":{"visit_length":"99999999999","visit_route":[]}}
            ],"included":[],"links":{}}
            """;

    @BeforeEach
    void start() {
        context.start();
    }

    private PageRows send(String stream, String page) throws Exception {
        RecordMapper mapper = new RecordMapper(JSON);
        Exchange exchange = mapPage(stream.equals("visits") ? mapper.visits() : mapper.leads(),
                new org.leadfeedercamel.run.SyncWindow("100001", stream, LocalDate.parse("2025-04-22"), LocalDate.parse("2025-04-22")),
                JSON.readValue(page, Map.class));
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(PageRows.class);
    }

    @Test
    void aVisitBecomesARowAndItsRouteNumberedChildRows() throws Exception {
        PageRows rows = send("visits", VISITS_PAGE);

        Map<String, Object> visit = rows.getVisits().get(0);
        assertThat(visit).containsEntry("account_id", "100001").containsEntry("visit_id", "v-ok")
                .containsEntry("lead_id", "lead-1_loc-1").containsEntry("location_id", "loc-1")
                .containsEntry("source", "Google").containsEntry("medium", "cpc").containsEntry("referring_url", null)
                .containsEntry("landing_page_path", "/pricing?gclid=abc").containsEntry("keyword", "x pricing")
                .containsEntry("query_term", null).containsEntry("campaign", "spring").containsEntry("page_depth", 3)
                .containsEntry("visit_length", 117).containsEntry("started_at", OffsetDateTime.parse("2025-04-22T06:59:58.637Z"))
                .containsEntry("visit_date", LocalDate.parse("2025-04-22")).containsEntry("visit_hour", 9)
                .containsEntry("lf_client_id", "LF1.1.3c9e1f0a7b2d4e65.1745305198637")
                .containsEntry("ga_client_ids", "[\"1234567890.1745305198\"]").containsEntry("country_code", "FI")
                .containsEntry("device_type", "desktop").containsEntry("visitor_email", null)
                .containsEntry("visitor_first_name", null).containsEntry("visitor_last_name", null)
                .containsEntry("_extra", "{\"adobe_cookies\":[\"a\"],\"new_field\":{\"nested\":true}}")
                .containsKeys("_synced_at", "_run_id");
        assertThat(rows.getRoutes()).extracting(r -> r.get("page_number")).containsExactly(1, 2, 3);
        assertThat(rows.getRoutes()).allSatisfy(r -> assertThat(r.get("visit_id")).isEqualTo("v-ok"));
        assertThat(rows.getRoutes().get(1)).containsEntry("page_title", "Über uns").containsEntry("time_on_page", 75)
                .containsEntry("previous_page_path", "/pricing").containsEntry("_extra", "{\"scroll_depth\":80}");
        assertThat(rows.getLocations()).singleElement().satisfies(l -> assertThat(l)
                .containsEntry("location_id", "loc-1").containsEntry("city", "Espoo").containsEntry("region_code", null));
    }

    @Test
    void recordsThatCannotBeMappedAreKeptWithTheirReasonAndTheRestLoads() throws Exception {
        PageRows rows = send("visits", VISITS_PAGE);

        assertThat(rows.getVisits()).extracting(r -> r.get("visit_id")).containsExactly("v-ok", "v-minimal");
        assertThat(rows.getRejected()).extracting(r -> r.get("reason")).containsExactly("missing id",
                "page_depth is not a whole number", "visit_route is not a list", "date is not a date (YYYY-MM-DD)");
        assertThat(rows.getRejected()).extracting(r -> r.get("record_id")).containsExactly(null, "v-bad-type", "v-bad-route", "v-bad-date");
        assertThat(rows.getRejected()).allSatisfy(r -> {
            assertThat(r).containsEntry("stream", "visits").containsEntry("account_id", "100001");
            assertThat((String) r.get("raw_json")).startsWith("{").contains("\"attributes\"");
        });
    }

    @Test
    void wholeNumbersSentAsStringsLoadAndOtherStringsAreStillRejected() throws Exception {
        PageRows rows = send("visits", STRING_NUMBERS_PAGE);

        assertThat(rows.getVisits()).singleElement().satisfies(visit -> assertThat(visit).containsEntry("visit_id", "v-strings")
                .containsEntry("page_depth", 2).containsEntry("visit_length", 12).containsEntry("visit_hour", 9));
        assertThat(rows.getRoutes()).extracting(r -> r.get("time_on_page")).containsExactly(12, 0);
        assertThat(rows.getRejected()).extracting(r -> r.get("record_id")).containsExactly("v-word", "v-fraction", "v-huge");
        assertThat(rows.getRejected()).extracting(r -> r.get("reason")).containsOnly("visit_length is not a whole number");
    }

    @Test
    void flagsSentAsStringsLoad() throws Exception {
        Map<String, Object> document = JSON.readValue("""
                {"data":[{"id":"1","type":"accounts","attributes":{"name":"A","on_trial":"true"}},
                         {"id":"2","type":"accounts","attributes":{"name":"B","on_trial":"FALSE"}},
                         {"id":"3","type":"accounts","attributes":{"name":"C","on_trial":"yes"}}]}
                """, Map.class);

        PageRows rows = instance.pageMapper()
                .accounts(runOf(exchangeFor(null, "accounts")), document);

        assertThat(rows.getAccounts()).extracting(r -> r.get("on_trial")).containsExactly(true, false);
        assertThat(rows.getRejected()).extracting(r -> r.get("reason")).containsExactly("on_trial is not a boolean");
    }

    @Test
    void leadsMapEveryColumnAndRejectWrongTypes() throws Exception {
        PageRows rows = send("leads", LEADS_PAGE);

        assertThat(rows.getLeads()).singleElement().satisfies(lead -> assertThat(lead)
                .containsEntry("lead_id", "lead-1_loc-1").containsEntry("name", "Northwind Oy")
                .containsEntry("industry", "Software").containsEntry("industries", "[{\"name\":\"Software\"}]")
                .containsEntry("first_visit_date", LocalDate.parse("2025-03-02"))
                .containsEntry("last_visit_date", LocalDate.parse("2025-04-28")).containsEntry("status", "new")
                .containsEntry("website_url", "http://northwind.example").containsEntry("phone", null)
                .containsEntry("employee_count", 85).containsEntry("employees_range_min", 51)
                .containsEntry("employees_range_max", 200).containsEntry("crm_lead_id", "12345")
                .containsEntry("tags", "[\"ICP\"]").containsEntry("assignee", "a@b.example")
                .containsEntry("business_id", "FI1").containsEntry("revenue", "10M-50M")
                .containsEntry("view_in_leadfeeder", "https://app.leadfeeder.com/l/1/leads/lead-1_loc-1")
                .containsEntry("visits", 7).containsEntry("quality", 6).containsEntry("location_id", "loc-1")
                .containsEntry("_extra", null));
        assertThat(rows.getRejected()).extracting(r -> r.get("reason"))
                .containsExactly("employees_range is not an object", "visits is not a whole number");
    }
}
