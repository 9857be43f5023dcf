package org.leadfeedercamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.mapping.PageMapping;
import org.leadfeedercamel.mapping.RecordMapper;
import org.leadfeedercamel.mapping.V1RecordMapper;

/**
 * A visit read again with a shorter route (or fewer /v1 engagements) keeps only the route rows its
 * latest read has: the page that brings it deletes the rows past its length, in the page's transaction.
 */
class RouteRowsMirrorRouteTest extends RouteTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void start() {
        context.start();
    }

    private static String classicVisit(String id, int pages) {
        StringBuilder route = new StringBuilder();
        for (int i = 1; i <= pages; i++) {
            route.append(i == 1 ? "" : ",").append("{\"page_path\":\"/p").append(i).append("\",\"time_on_page\":").append(i).append('}');
        }
        return "{\"id\":\"" + id + "\",\"type\":\"visits\",\"attributes\":{\"page_depth\":" + pages + ",\"visit_route\":[" + route + "]}}";
    }

    private static String v1Visit(String id, int pages) {
        StringBuilder engagements = new StringBuilder();
        for (int i = 1; i <= pages; i++) {
            engagements.append(i == 1 ? "" : ",").append("{\"event_type\":\"page-view\",\"page\":{\"path\":\"/p").append(i)
                    .append("\"},\"time_on_page\":").append(i).append('}');
        }
        return "{\"id\":\"" + id + "\",\"type\":\"web_visit\",\"attributes\":{\"page_depth\":" + pages + ",\"engagements\":["
                + engagements + "]},\"relationships\":{}}";
    }

    private void mapAndWrite(String pageRoute, String... visits) throws Exception {
        PageMapping mapping = pageRoute.equals("v1-visits") ? new V1RecordMapper(JSON).visits() : new RecordMapper(JSON).visits();
        Exchange exchange = mapPage(mapping, window("2025-04-22", "2025-04-22"),
                JSON.readValue("{\"data\":[" + String.join(",", visits) + "],\"included\":[],\"links\":{}}", Map.class));
        assertThat(exchange.getException()).isNull();
        template.send("direct:leadfeeder-write-page", exchange);
        assertThat(exchange.getException()).isNull();
    }

    private List<Integer> pageNumbers(String visitId) {
        return jdbc.queryForList("SELECT page_number FROM raw_leadfeeder__visit_routs WHERE visit_id = ? ORDER BY page_number",
                Integer.class, visitId);
    }

    @Test
    void aShorterRouteLeavesNoRowsPastItsEnd() throws Exception {
        mapAndWrite("visits", classicVisit("v-shrinks", 4), classicVisit("v-stays", 2), classicVisit("v-empties", 3));

        mapAndWrite("visits", classicVisit("v-shrinks", 2), classicVisit("v-stays", 2), classicVisit("v-empties", 0));

        assertThat(pageNumbers("v-shrinks")).containsExactly(1, 2);
        assertThat(pageNumbers("v-stays")).containsExactly(1, 2);
        assertThat(pageNumbers("v-empties")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT page_path FROM raw_leadfeeder__visit_routs WHERE visit_id = 'v-shrinks' AND page_number = 2",
                String.class)).isEqualTo("/p2");
    }

    @Test
    void fewerEngagementsOnV1LeaveNoRowsPastTheirEnd() throws Exception {
        mapAndWrite("v1-visits", v1Visit("w-shrinks", 5));

        mapAndWrite("v1-visits", v1Visit("w-shrinks", 1));

        assertThat(pageNumbers("w-shrinks")).containsExactly(1);
    }

    @Test
    void aVisitRejectedOnItsRereadKeepsTheRowsItHad() throws Exception {
        mapAndWrite("visits", classicVisit("v-broken-later", 3));

        mapAndWrite("visits", "{\"id\":\"v-broken-later\",\"type\":\"visits\",\"attributes\":{\"visit_route\":["
                + "{\"page_path\":\"/p1\",\"time_on_page\":\"ten\"}]}}");

        assertThat(pageNumbers("v-broken-later")).containsExactly(1, 2, 3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leadfeeder_rejected_records", Integer.class)).isEqualTo(1);
    }
}
