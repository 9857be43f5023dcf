package org.leadfeedercamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.api.BrokenPagingException;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.run.WindowQueue;
import org.leadfeedercamel.simulator.Fault;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.DatasetSpec;

/**
 * leadfeeder-window against a /v1 API whose paging lies (the simulator's paging faults, over real HTTP).
 * /v1 has no links: the sync numbers the pages itself, so its pages cannot loop by link; what can go wrong
 * is the answer, a page answered for another page number than asked (page 1 again, the page before, a page
 * past page_count). That ends the window naming the request; the page is not written. A window also ends
 * at the pages the cap fills whatever page_count says.
 */
class V1HostilePagingRouteTest extends RouteTestSupport {

    private final LeadfeederSimulator simulator = LeadfeederSimulator.builder().clock(CLOCK)
            .dataset(DatasetSpec.defaults().withRange(LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-30")).withVisitsPerAccount(1_000))
            .apiKey("route-test-token").v1RequestsPerSecond(0).start();

    @Override
    protected String api() {
        return simulator.baseUrl();
    }

    @Override
    protected Map<String, String> overrides() {
        return Map.of(SyncSettings.API, "v1");
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private MockEndpoint start(int pagesWritten) throws Exception {
        AdviceWith.adviceWith(context, "leadfeeder-window", a -> a.weaveByToUri("direct:.*-write-page").replace().to("mock:page"));
        context.start();
        MockEndpoint written = getMockEndpoint("mock:page");
        written.expectedMessageCount(pagesWritten);
        return written;
    }

    private Exchange readWindow() {
        Exchange exchange = exchangeFor("100001", "visits");
        exchange.setVariable("window", window("2025-04-01", "2025-04-30"));
        exchange.setVariable("windows", new WindowQueue(List.of()));
        return template.send("direct:leadfeeder-window", exchange);
    }

    @Test
    void page1AnsweredAgainForPage2EndsTheWindowAtPage2() throws Exception {
        MockEndpoint written = start(1);
        simulator.faults().injectAfter(1, Fault.NEXT_SELF, 3);

        Exchange exchange = readWindow();

        assertThat(exchange.getException()).isInstanceOf(BrokenPagingException.class)
                .hasMessageStartingWith("Broken paging from Leadfeeder: page 1 answered to a request for page 2 (" + simulator.baseUrl()
                        + "/v1/web-visits?account_id=100001&include=company&page%5Bnum%5D=2&page%5Bsize%5D=100)")
                .hasMessageEndingWith("the API repeats pages instead of moving on");
        assertThat(simulator.stats().requests()).isEqualTo(2);
        written.assertIsSatisfied();
    }

    @Test
    void thePageBeforeAnsweredForPage3EndsTheWindowAtPage3() throws Exception {
        MockEndpoint written = start(2);
        simulator.faults().injectAfter(2, Fault.NEXT_BACKWARDS, 3);

        Exchange exchange = readWindow();

        assertThat(exchange.getException()).isInstanceOf(BrokenPagingException.class)
                .hasMessageStartingWith("Broken paging from Leadfeeder: page 2 answered to a request for page 3 (");
        assertThat(simulator.stats().requests()).isEqualTo(3);
        written.assertIsSatisfied();
    }

    @Test
    void aPagePastPageCountEndsTheWindowRatherThanSkipping() throws Exception {
        MockEndpoint written = start(0);
        simulator.faults().injectNext(Fault.NEXT_PAST_LAST, 3);

        Exchange exchange = readWindow();

        assertThat(exchange.getException()).isInstanceOf(BrokenPagingException.class)
                .hasMessageStartingWith("Broken paging from Leadfeeder: page 11 answered to a request for page 1 (")
                .hasMessageEndingWith("the API skips pages");
        assertThat(simulator.stats().requests()).isEqualTo(1);
        written.assertIsSatisfied();
    }

    @Test
    void anHonestServerIsPagedToItsPageCount() throws Exception {
        MockEndpoint written = start(10);

        Exchange exchange = readWindow();

        assertThat(exchange.getException()).isNull();
        written.assertIsSatisfied();
        assertThat(simulator.stats().requests()).isEqualTo(10);
    }
}
