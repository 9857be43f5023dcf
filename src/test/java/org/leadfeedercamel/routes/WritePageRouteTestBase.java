package org.leadfeedercamel.routes;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.leadfeedercamel.mapping.PageRows;

/** A last page of a window with one visit and one location, ready for leadfeeder-write-page. */
abstract class WritePageRouteTestBase extends RouteTestSupport {

    protected Exchange lastPageOfWindow() throws Exception {
        Exchange exchange = exchangeFor("100001", "visits");
        PageRows rows = pageRows(runOf(exchange), window("2025-04-01", "2025-04-30"));
        rows.markLast();
        exchange.getMessage().setBody(rows);
        Map<String, Object> visit = new LinkedHashMap<>();
        visit.put("account_id", "100001");
        for (String column : List.of("visit_id", "lead_id", "location_id", "source", "medium", "referring_url", "landing_page_path",
                "keyword", "query_term", "campaign", "page_depth", "visit_length", "started_at", "visit_date", "visit_hour",
                "lf_client_id", "ga_client_ids", "country_code", "device_type", "visitor_email", "visitor_first_name",
                "visitor_last_name", "_extra")) {
            visit.put(column, null);
        }
        visit.put("visit_id", "v1");
        visit.put("started_at", OffsetDateTime.parse("2025-04-22T06:59:58.637Z"));
        visit.put("_synced_at", rows.syncedAt());
        visit.put("_run_id", rows.runId());
        rows.addVisit(visit);
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("account_id", "100001");
        location.put("location_id", "loc-1");
        for (String column : List.of("country", "country_code", "region", "region_code", "city", "state_code", "_extra")) {
            location.put(column, null);
        }
        location.put("_synced_at", rows.syncedAt());
        location.put("_run_id", rows.runId());
        rows.addLocation("loc-1", location);
        return exchange;
    }

}
