package org.leadfeedercamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.api.BrokenPagingException;
import org.leadfeedercamel.run.WindowQueue;
import org.leadfeedercamel.simulator.Fault;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.DatasetSpec;

/**
 * leadfeeder-window against a classic API whose links.next lies (the simulator's paging faults, over real
 * HTTP): a next that repeats the page, goes back or lies past links.last ends the window with a
 * BrokenPagingException naming the URL, after no more requests than it took to see it. Each fault is
 * scripted for a few pages only, so a pager that followed it would come back to honest pages and end
 * without an error rather than loop in the test.
 */
class HostilePagingRouteTest extends RouteTestSupport {

    private final LeadfeederSimulator simulator = LeadfeederSimulator.builder().clock(CLOCK)
            .dataset(DatasetSpec.defaults().withRange(LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-30")).withVisitsPerAccount(1_000))
            .token("route-test-token").requestsPerWindow(0).start();

    @Override
    protected String api() {
        return simulator.baseUrl();
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private MockEndpoint start() throws Exception {
        AdviceWith.adviceWith(context, "leadfeeder-window", a -> a.weaveByToUri("direct:.*-write-page").replace().to("mock:page"));
        context.start();
        return getMockEndpoint("mock:page");
    }

    private Exchange readWindow() {
        Exchange exchange = exchangeFor("100001", "visits");
        exchange.setVariable("window", window("2025-04-01", "2025-04-30"));
        exchange.setVariable("windows", new WindowQueue(List.of()));
        return template.send("direct:leadfeeder-window", exchange);
    }

    @Test
    void aNextThatIsThePageItselfEndsTheWindowAtTheFirstPage() throws Exception {
        MockEndpoint written = start();
        written.expectedMessageCount(0);
        simulator.faults().injectNext(Fault.NEXT_SELF, 3);

        Exchange exchange = readWindow();

        assertThat(exchange.getException()).isInstanceOf(BrokenPagingException.class)
                .hasMessageStartingWith("Broken paging from Leadfeeder: links.next repeats page 1 (" + simulator.baseUrl()
                        + "/accounts/100001/visits?end_date=2025-04-30&page%5Bnumber%5D=1&page%5Bsize%5D=100&start_date=2025-04-01)")
                .hasMessageEndingWith("this window's pages would never end");
        assertThat(simulator.stats().requests()).isEqualTo(1);
        written.assertIsSatisfied();
    }

    @Test
    void aNextThatGoesBackEndsTheWindowWherePagingTurnsBack() throws Exception {
        MockEndpoint written = start();
        written.expectedMessageCount(1);
        simulator.faults().injectNext(Fault.NEXT_BACKWARDS, 4); // page 1 links on to 2, page 2 back to 1

        Exchange exchange = readWindow();

        assertThat(exchange.getException()).isInstanceOf(BrokenPagingException.class)
                .hasMessageContaining("links.next goes back to page 1 from page 2 (" + simulator.baseUrl() + "/accounts/100001/visits?")
                .hasMessageContaining("page%5Bnumber%5D=1&");
        assertThat(simulator.stats().requests()).isEqualTo(2);
        written.assertIsSatisfied();
        assertThat(written.getReceivedExchanges().get(0).getVariable("pages", org.leadfeedercamel.sync.WindowPages.class)
                .position().page()).isEqualTo(1);
    }

    @Test
    void aNextPastTheLastLinkEndsTheWindowInsteadOfSkippingPages() throws Exception {
        MockEndpoint written = start();
        written.expectedMessageCount(0);
        simulator.faults().injectNext(Fault.NEXT_PAST_LAST, 3);

        Exchange exchange = readWindow();

        assertThat(exchange.getException()).isInstanceOf(BrokenPagingException.class)
                .hasMessageContaining("links.next points to page 11, past page 10 that links.last names (")
                .hasMessageContaining("following it would skip the pages between");
        assertThat(simulator.stats().requests()).isEqualTo(1);
        written.assertIsSatisfied();
    }

    @Test
    void anHonestServerIsPagedToTheEnd() throws Exception {
        MockEndpoint written = start();
        written.expectedMessageCount(10);

        Exchange exchange = readWindow();

        assertThat(exchange.getException()).isNull();
        written.assertIsSatisfied();
        assertThat(simulator.stats().requests()).isEqualTo(10);
    }
}
