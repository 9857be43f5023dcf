package org.leadfeedercamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.run.SyncWindow;

/**
 * leadfeeder-stream: windows come from the state. A first sync starts at the start date; a later one
 * resumes after the completed windows but re-reads the lookback days; every window runs through today.
 */
class StreamRouteTest extends RouteTestSupport {

    private MockEndpoint windows() throws Exception {
        AdviceWith.adviceWith(context, "leadfeeder-stream", a -> a.weaveByToUri("direct:.*-window").replace().to("mock:window"));
        context.start();
        return getMockEndpoint("mock:window");
    }

    private SyncWindow onlyWindow(MockEndpoint mock) {
        assertThat(mock.getReceivedExchanges()).hasSize(1);
        return mock.getReceivedExchanges().get(0).getVariable("window", SyncWindow.class);
    }

    private void completed(String window) {
        jdbc.update("INSERT INTO leadfeeder_completed_windows (processorName, messageId, createdAt) VALUES (?, ?, ?)",
                "leadfeeder:100001:visits", window, new Timestamp(0));
    }

    @Test
    void aFirstSyncStartsAtTheStartDateAndRunsThroughTheAccountLocalToday() throws Exception {
        MockEndpoint mock = windows();

        template.send("direct:leadfeeder-stream", exchangeFor("100001", "visits"));

        // 2025-05-01T12:00Z is 15:00 in Helsinki
        assertThat(onlyWindow(mock)).isEqualTo(new SyncWindow("100001", "visits", LocalDate.parse("2025-04-01"), LocalDate.parse("2025-05-01")));
    }

    @Test
    void aLaterSyncResumesButReReadsTheLookbackDays() throws Exception {
        completed("2025-04-01..2025-04-20");
        completed("2025-04-10..2025-04-25"); // overlapping windows, as lookback re-reads leave them
        MockEndpoint mock = windows();

        template.send("direct:leadfeeder-stream", exchangeFor("100001", "visits"));

        assertThat(onlyWindow(mock).from()).isEqualTo(LocalDate.parse("2025-04-26"));
    }

    @Test
    void aSyncUpToDateStillReReadsTheLastThreeDays() throws Exception {
        completed("2025-04-01..2025-05-01");
        MockEndpoint mock = windows();

        template.send("direct:leadfeeder-stream", exchangeFor("100001", "visits"));

        assertThat(onlyWindow(mock)).isEqualTo(new SyncWindow("100001", "visits", LocalDate.parse("2025-04-29"), LocalDate.parse("2025-05-01")));
    }

    @Test
    void aGapInTheCompletedWindowsIsReadAgainFromTheGap() throws Exception {
        completed("2025-04-01..2025-04-10");
        completed("2025-04-15..2025-04-30");
        MockEndpoint mock = windows();

        Exchange exchange = template.send("direct:leadfeeder-stream", exchangeFor("100001", "visits"));

        assertThat(exchange.getException()).isNull();
        assertThat(onlyWindow(mock).from()).isEqualTo(LocalDate.parse("2025-04-11"));
    }
}
