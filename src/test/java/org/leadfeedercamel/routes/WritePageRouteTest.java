package org.leadfeedercamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.mapping.PageRows;
import org.leadfeedercamel.sync.Batch;

/** leadfeeder-write-page: a page's tables and its window's completion commit together, or not at all. */
class WritePageRouteTest extends WritePageRouteTestBase {

    @Test
    void theLastPageCommitsItsRowsAndMarksTheWindow() throws Exception {
        context.start();

        Exchange exchange = template.send("direct:leadfeeder-write-page", lastPageOfWindow());

        assertThat(exchange.getException()).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__locations", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT messageId FROM leadfeeder_completed_windows", String.class)).containsExactly("2025-04-01..2025-04-30");
    }

    @Test
    void rejectedRecordsAreKeptWithTheirReasonAndRawJson() throws Exception {
        context.start();
        Exchange page = lastPageOfWindow();
        PageRows rows = page.getMessage().getBody(PageRows.class);
        Map<String, Object> rejected = new LinkedHashMap<>();
        rejected.put("run_id", rows.runId());
        rejected.put("stream", "visits");
        rejected.put("account_id", "100001");
        rejected.put("record_id", "v-bad");
        rejected.put("reason", "visit_route is not a list");
        rejected.put("raw_json", "{\"id\":\"v-bad\",\"attributes\":{\"visit_route\":\"x\"}}");
        rejected.put("rejected_at", rows.syncedAt());
        rejected.put("window_from", rows.windowFrom());
        rejected.put("window_to", rows.windowTo());
        rows.addRejected(rejected);

        template.send("direct:leadfeeder-write-page", page);

        assertThat(jdbc.queryForMap("SELECT * FROM leadfeeder_rejected_records")).containsEntry("RECORD_ID", "v-bad")
                .containsEntry("REASON", "visit_route is not a list").containsEntry("STREAM", "visits")
                .containsEntry("RAW_JSON", "{\"id\":\"v-bad\",\"attributes\":{\"visit_route\":\"x\"}}")
                .containsEntry("WINDOW_FROM", java.sql.Date.valueOf("2025-04-01")).containsEntry("WINDOW_TO", java.sql.Date.valueOf("2025-04-30"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits", Integer.class)).isEqualTo(1);
    }

    @Test
    void aFailureLateInThePageRollsBackEverythingItWrote() throws Exception {
        // the locations are written after the visits: the visits' batch must go with them
        AdviceWith.adviceWith(context, "leadfeeder-write-page", a -> a.weaveByToUri("sql:*").before().process(e -> {
            if (e.getMessage().getBody(Batch.class).statement().equals("upsert-locations")) {
                throw new IllegalStateException("disk full");
            }
        }));
        context.start();

        Exchange exchange = template.send("direct:leadfeeder-write-page", lastPageOfWindow());

        assertThat(exchange.getException()).hasMessageContaining("disk full");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leadfeeder_completed_windows", Integer.class)).isZero();
    }
}
