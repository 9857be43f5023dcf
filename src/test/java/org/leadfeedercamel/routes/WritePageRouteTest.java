package org.leadfeedercamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.mapping.PageRows;
import org.leadfeedercamel.mapping.RecordMapper;
import org.leadfeedercamel.sync.SyncProperties;
import org.leadfeedercamel.sync.SyncWindow;

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
    void aFailureLateInThePageRollsBackEverythingItWrote() throws Exception {
        AdviceWith.adviceWith(context, "leadfeeder-write-page", a -> a.weaveByToUri("sql:.*upsert-locations.*")
                .replace().throwException(new IllegalStateException("disk full")));
        context.start();

        Exchange exchange = template.send("direct:leadfeeder-write-page", lastPageOfWindow());

        assertThat(exchange.getException()).hasMessageContaining("disk full");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM raw_leadfeeder__visits", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leadfeeder_completed_windows", Integer.class)).isZero();
    }
}
