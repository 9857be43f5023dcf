package org.leadfeedercamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.mapping.PageRows;
import org.leadfeedercamel.mapping.V1RecordMapper;

/**
 * leadfeeder-page-map with the /v1 mappings of web visits and companies: a /v1 page becomes rows of the same tables as
 * a classic one; records that cannot be mapped are kept with a reason while the rest of the page loads.
 * The pages are written out here because the simulator serves only valid data.
 */
class V1PageMappingRouteTest extends RouteTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String VISITS_PAGE = """
            {"data":[
              {"type":"web_visit","id":"v-ok","attributes":{"started_at":"2026-09-14T15:42:07Z","visit_length":412,"page_depth":2,
                "source":"google","medium":"organic","campaign":null,"keyword":"","referring_url":"https://www.google.com/",
                "landing_page_path":"/pricing/","device_type":"desktop",
                "identifiers":{"lf_client_id":"LF1.1.8c2f4e1a9b7d3c60.1757000512345","ga_client_ids":["1487203956.1757000513"]},
                "visitor":{"email":"j@x.example","first_name":"Jide","last_name":null},
                "engagements":[
                  {"event_type":"page-view","hostname":"www.x.example","page":{"path":"/pricing/","title":"Plans","url":"https://www.x.example/pricing/"},
                   "previous_page_path":"(entrance)","time_on_page":412,"has_met_goals":false},
                  {"event_type":"file-download","hostname":"www.x.example","page":{"path":"/contact/","title":"Contact","url":"https://www.x.example/contact/"},
                   "previous_page_path":"/pricing/","time_on_page":0,"has_met_goals":true,"scroll":90}],
                "intent_signal":"high"},
               "relationships":{"company":{"type":"company","id":"c_9Kq2T7mPz4","attributes":{"name":"Brenner"}},
                 "location":{"type":"location","id":"loc-1","attributes":{"country":"Germany","country_code":"DE","region":"Bavaria","city":"Augsburg","postal_code":"86150"}}}},
              {"type":"web_visit","id":"v-linkage","attributes":{"started_at":"2026-09-14T08:03:51.000Z","visitor":null,"engagements":[]},
               "relationships":{"company":{"data":{"type":"company","id":"c_3Hw8LrX1n0"}},"location":null}},
              {"type":"web_visit","id":"v-bad-engagement","attributes":{"started_at":"2026-09-14T08:00:00Z","engagements":[
                {"event_type":"page-view","page":{"path":"/"},"time_on_page":3},
                {"event_type":"page-view","page":"not an object","time_on_page":1}]}},
              {"type":"web_visit","id":"v-bad-visitor","attributes":{"visitor":"anonymous","engagements":[]}},
              {"type":"web_visit","attributes":{"engagements":[]}}
            ],"meta":{"request_id":"r","pagination":{"page_num":1,"page_count":1,"total_count":5}}}
            """;

    private static final String COMPANIES_PAGE = """
            {"data":[
              {"type":"company_location","id":"cl-1","relationships":{
                "company":{"type":"company","id":"c_9Kq2T7mPz4","attributes":{"name":"Brenner Maschinenbau GmbH","url":"https://www.brenner-mb.example",
                  "logo_url":null,"employee_count":340,"employee_range":"201-500",
                  "industries":{"industry":[{"code":"28.41","name":"Metal forming machinery"},{"code":"25.62","name":"Machining"}]},
                  "revenue":{"value":61000000,"currency":"EUR"},
                  "address":{"city":"Augsburg","country_code":"DE"},
                  "social_media_profiles":{"linkedin":[{"url":"https://www.linkedin.com/company/brenner"}],"twitter":[{"url":"https://twitter.com/brenner_mb"}],"facebook":[]},
                  "vat_id":"DE123456789","web_engagement":{"last_visit_date":"2026-09-14"}}},
                "location":{"type":"location","id":"loc-1","attributes":{"country":"Germany","country_code":"DE","region":"Bavaria","city":"Augsburg"}}}},
              {"type":"company_location","id":"cl-2","relationships":{
                "company":{"type":"company","id":"c_9Kq2T7mPz4","attributes":{"name":"Brenner Maschinenbau GmbH"}},
                "location":{"type":"location","id":"loc-2","attributes":{"country":"Austria","country_code":"AT","city":"Wien"}}}},
              {"type":"company_location","id":"cl-3","relationships":{"company":{"type":"company","id":"c_open","attributes":{"name":"Open Ltd","employee_range":"10000+"}}}},
              {"type":"company_location","id":"cl-4","relationships":{"company":{"type":"company","id":"c_bare"}}},
              {"type":"company_location","id":"cl-5","relationships":{"company":{"type":"company","id":"c_bad","attributes":{"employee_range":"a few"}}}}
            ],"meta":{"request_id":"r","pagination":{"page_num":1,"page_count":1,"total_count":5}}}
            """;

    @BeforeEach
    void start() {
        context.start();
    }

    private PageRows send(String stream, String page) throws Exception {
        V1RecordMapper mapper = new V1RecordMapper(JSON);
        Exchange exchange = mapPage(stream.equals("visits") ? mapper.visits() : mapper.companies(),
                new org.leadfeedercamel.run.SyncWindow("100001", stream, java.time.LocalDate.parse("2025-04-22"),
                        java.time.LocalDate.parse("2025-04-22")), JSON.readValue(page, Map.class));
        assertThat(exchange.getException()).isNull();
        return exchange.getMessage().getBody(PageRows.class);
    }

    @Test
    void aWebVisitBecomesAVisitRowItsEngagementsRouteRowsAndItsLocationALocation() throws Exception {
        PageRows rows = send("visits", VISITS_PAGE);

        assertThat(rows.getVisits()).extracting(row -> row.get("visit_id")).containsExactly("v-ok", "v-linkage");
        Map<String, Object> visit = rows.getVisits().get(0);
        assertThat(visit).containsEntry("account_id", "100001").containsEntry("lead_id", "c_9Kq2T7mPz4")
                .containsEntry("location_id", "loc-1").containsEntry("country_code", "DE").containsEntry("keyword", null)
                .containsEntry("lf_client_id", "LF1.1.8c2f4e1a9b7d3c60.1757000512345")
                .containsEntry("ga_client_ids", "[\"1487203956.1757000513\"]").containsEntry("visitor_email", "j@x.example")
                .containsEntry("visitor_last_name", null).containsEntry("visit_date", null)
                .containsEntry("started_at", OffsetDateTime.parse("2026-09-14T15:42:07Z"))
                .containsEntry("_extra", "{\"intent_signal\":\"high\"}");
        // JSON:API linkage works for the company id; no location, no visitor
        assertThat(rows.getVisits().get(1)).containsEntry("lead_id", "c_3Hw8LrX1n0").containsEntry("location_id", null)
                .containsEntry("visitor_email", null);

        assertThat(rows.getRoutes()).hasSize(2);
        assertThat(rows.getRoutes().get(0)).containsEntry("visit_id", "v-ok").containsEntry("page_number", 1)
                .containsEntry("page_path", "/pricing/").containsEntry("page_title", "Plans").containsEntry("event_type", "page-view")
                .containsEntry("has_met_goals", false).containsEntry("display_page_name", null);
        assertThat(rows.getRoutes().get(1)).containsEntry("page_number", 2).containsEntry("event_type", "file-download")
                .containsEntry("has_met_goals", true).containsEntry("_extra", "{\"scroll\":90}");
        assertThat(rows.getLocations()).singleElement().satisfies(location -> assertThat(location)
                .containsEntry("location_id", "loc-1").containsEntry("city", "Augsburg").containsEntry("region_code", null)
                .containsEntry("_extra", "{\"postal_code\":\"86150\"}"));

        assertThat(rows.getRejected()).extracting(r -> r.get("record_id") + ": " + r.get("reason")).containsExactly(
                "v-bad-engagement: engagements entry 2: page is not an object",
                "v-bad-visitor: visitor is not an object",
                "null: missing id");
        assertThat(rows.getRejected()).allSatisfy(r -> assertThat((String) r.get("raw_json")).startsWith("{\"type\":\"web_visit\""));
    }

    @Test
    void companyLocationRowsBecomeOneLeadPerCompanyAndTheirLocations() throws Exception {
        PageRows rows = send("leads", COMPANIES_PAGE);

        assertThat(rows.getLeads()).extracting(row -> row.get("lead_id")).containsExactly("c_9Kq2T7mPz4", "c_open");
        assertThat(rows.getLeads().get(0)).containsEntry("name", "Brenner Maschinenbau GmbH")
                .containsEntry("website_url", "https://www.brenner-mb.example").containsEntry("employee_count", 340)
                .containsEntry("employees_range_min", 201).containsEntry("employees_range_max", 500)
                .containsEntry("industry", "Metal forming machinery")
                .containsEntry("industries", "[{\"code\":\"28.41\",\"name\":\"Metal forming machinery\"},{\"code\":\"25.62\",\"name\":\"Machining\"}]")
                .containsEntry("revenue", "{\"value\":61000000,\"currency\":\"EUR\"}").containsEntry("business_id", "DE123456789")
                .containsEntry("linkedin_url", "https://www.linkedin.com/company/brenner").containsEntry("twitter_handle", "brenner_mb")
                .containsEntry("facebook_url", null).containsEntry("last_visit_date", java.time.LocalDate.parse("2026-09-14"))
                .containsEntry("first_visit_date", null).containsEntry("location_id", null)
                .containsEntry("_extra", "{\"address\":{\"city\":\"Augsburg\",\"country_code\":\"DE\"}}");
        assertThat(rows.getLeads().get(1)).containsEntry("employees_range_min", 10000).containsEntry("employees_range_max", null);
        assertThat(rows.getLocations()).extracting(row -> row.get("location_id")).containsExactly("loc-1", "loc-2");
        assertThat(rows.getRejected()).extracting(r -> r.get("record_id") + ": " + r.get("reason")).containsExactly(
                "cl-4: relationships.company has no attributes (asked with include=company)",
                "cl-5: employee_range is not N-M, N+ or N");
        assertThat(rows.getRejected()).extracting(r -> r.get("stream")).containsOnly("leads");
        assertThat(List.of(rows.getVisits(), rows.getRoutes())).allSatisfy(list -> assertThat(list).isEmpty());
    }
}
