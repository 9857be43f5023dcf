package org.leadfeedercamel.routes;

import org.leadfeedercamel.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.mapping.PageRows;
import org.leadfeedercamel.sync.WindowPages;
import org.leadfeedercamel.run.SyncWindow;
import org.leadfeedercamel.run.WindowQueue;

/**
 * leadfeeder-window, the pager: it follows links.next, stops on a missing next and on an empty data
 * array, and splits a window whose first page shows it may have reached the cap. The API is replaced
 * by scripted documents because the cases (next with empty data, a cap-sized last link) are edge
 * shapes the simulator does not produce on purpose.
 */
@Tag("reliability")
class WindowRouteTest extends RouteTestSupport {

    private final Deque<Map<String, Object>> pages = new ConcurrentLinkedDeque<>();
    private final AtomicInteger fetched = new AtomicInteger();

    private static Map<String, Object> page(int records, Object next, Object last) {
        Map<String, Object> links = new java.util.LinkedHashMap<>();
        links.put("self", "http://127.0.0.1:9/self");
        if (next != null) {
            links.put("next", next);
        }
        if (last != null) {
            links.put("last", last);
        }
        List<Map<String, Object>> data = new java.util.ArrayList<>();
        for (int i = 0; i < records; i++) {
            data.add(Map.of("id", "v" + i, "type", "visits", "attributes", Map.of("visit_route", List.of())));
        }
        return Map.of("data", data, "included", List.of(), "links", links);
    }

    private MockEndpoint start() throws Exception {
        // the API is replaced inside leadfeeder-api-get, which pages fetched ahead go through too
        AdviceWith.adviceWith(context, "leadfeeder-api-get", a -> a.weaveByToUri("direct:.*-api-call").replace()
                .process(e -> {
                    fetched.incrementAndGet();
                    e.getMessage().setBody(pages.removeFirst());
                }));
        AdviceWith.adviceWith(context, "leadfeeder-window", a -> a.weaveByToUri("direct:.*-write-page").replace().to("mock:page"));
        context.start();
        return getMockEndpoint("mock:page");
    }

    private Exchange windowExchange(String from, String to) {
        Exchange exchange = exchangeFor("100001", "visits");
        exchange.setVariable("window", window(from, to));
        exchange.setVariable("windows", new WindowQueue(List.of()));
        return exchange;
    }

    /** Whether each page written was its window's last, in the order written. */
    private static List<Boolean> lastFlags(MockEndpoint written) {
        return written.getReceivedExchanges().stream().map(e -> e.getMessage().getBody(PageRows.class).isLast()).toList();
    }

    @Test
    void followsNextUntilItIsMissing() throws Exception {
        pages.add(page(100, "http://127.0.0.1:9/accounts/100001/visits?page%5Bnumber%5D=2", "http://127.0.0.1:9/x?page%5Bnumber%5D=3&page%5Bsize%5D=100"));
        pages.add(page(100, "http://127.0.0.1:9/accounts/100001/visits?page%5Bnumber%5D=3", null));
        pages.add(page(40, null, null));
        MockEndpoint written = start();
        written.expectedMessageCount(3);

        Exchange exchange = template.send("direct:leadfeeder-window", windowExchange("2025-04-01", "2025-04-30"));

        assertThat(exchange.getException()).isNull();
        written.assertIsSatisfied();
        assertThat(lastFlags(written)).containsExactly(false, false, true);
        assertThat(pages).isEmpty();
    }

    @Test
    void linksGivenAsLinkObjectsAreFollowedToo() throws Exception {
        pages.add(page(100, Map.of("href", "http://127.0.0.1:9/accounts/100001/visits?page%5Bnumber%5D=2"),
                Map.of("href", "http://127.0.0.1:9/x?page%5Bnumber%5D=2&page%5Bsize%5D=100")));
        pages.add(page(75, null, Map.of("href", "http://127.0.0.1:9/x?page%5Bnumber%5D=2&page%5Bsize%5D=100")));
        MockEndpoint written = start();
        written.expectedMessageCount(2);

        Exchange exchange = template.send("direct:leadfeeder-window", windowExchange("2025-04-01", "2025-04-30"));

        assertThat(exchange.getException()).isNull();
        written.assertIsSatisfied();
        assertThat(lastFlags(written)).containsExactly(false, true);
        assertThat(written.getReceivedExchanges().get(0).getVariable("pages", WindowPages.class).position().pages()).isEqualTo(2);
        assertThat(pages).isEmpty();
    }

    @Test
    void aNextLinkThatIsNeitherAUrlNorALinkObjectFailsTheWindowInsteadOfEndingIt() throws Exception {
        for (Object next : List.of(42, Map.of("url", "http://127.0.0.1:9/p2"), List.of("http://127.0.0.1:9/p2"))) {
            pages.add(page(100, next, null));
        }
        MockEndpoint written = start();
        written.expectedMessageCount(0);

        for (int i = 0; i < 3; i++) {
            Exchange exchange = template.send("direct:leadfeeder-window", windowExchange("2025-04-01", "2025-04-30"));

            assertThat(exchange.getException()).isInstanceOf(org.leadfeedercamel.api.MalformedPageException.class)
                    .hasMessageStartingWith("links.next is neither a URL nor a link object");
        }
        written.assertIsSatisfied();
    }

    @Test
    void theNextPageIsFetchedWhileThisOneIsWritten() throws Exception {
        pages.add(page(100, "http://127.0.0.1:9/p2", null));
        pages.add(page(100, "http://127.0.0.1:9/p3", null));
        pages.add(page(30, null, null));
        MockEndpoint written = start();
        written.expectedMessageCount(3);
        // page 1 is only written once page 2 has been fetched: without the request ahead this waits in vain
        written.whenExchangeReceived(1, e -> await().atMost(Duration.ofSeconds(10)).until(() -> fetched.get() == 2));
        written.whenExchangeReceived(2, e -> await().atMost(Duration.ofSeconds(10)).until(() -> fetched.get() == 3));

        Exchange exchange = template.send("direct:leadfeeder-window", windowExchange("2025-04-01", "2025-04-30"));

        assertThat(exchange.getException()).isNull();
        written.assertIsSatisfied();
        assertThat(fetched).hasValue(3); // nothing fetched past the last page
        assertThat(written.getReceivedExchanges()).extracting(e -> e.getMessage().getBody(PageRows.class).getVisits().size())
                .containsExactly(100, 100, 30);
    }

    @Test
    void stopsOnAnEmptyPageEvenWhenNextIsThere() throws Exception {
        pages.add(page(100, "http://127.0.0.1:9/p2", null));
        pages.add(page(0, "http://127.0.0.1:9/p3", null));
        pages.add(page(100, null, null)); // never asked for
        MockEndpoint written = start();
        written.expectedMessageCount(2);

        template.send("direct:leadfeeder-window", windowExchange("2025-04-01", "2025-04-30"));

        written.assertIsSatisfied();
        assertThat(lastFlags(written)).containsExactly(false, true);
        assertThat(pages).hasSize(1);
    }

    @Test
    void aWindowThatMayHaveReachedTheCapIsSplitInsteadOfWritten() throws Exception {
        pages.add(page(100, "http://127.0.0.1:9/p2", "http://127.0.0.1:9/x?page%5Bnumber%5D=100&page%5Bsize%5D=100"));
        MockEndpoint written = start();
        written.expectedMessageCount(0);
        Exchange exchange = windowExchange("2025-04-01", "2025-04-30");

        template.send("direct:leadfeeder-window", exchange);

        written.assertIsSatisfied();
        WindowQueue queue = exchange.getVariable("windows", WindowQueue.class);
        assertThat(List.of(queue.next(), queue.next())).containsExactly(
                new SyncWindow("100001", "visits", LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-15")),
                new SyncWindow("100001", "visits", LocalDate.parse("2025-04-16"), LocalDate.parse("2025-04-30")));
    }

    @Test
    void aNextLinkBackToAPageAlreadyReadEndsTheWindowEvenWithoutPageNumbers() throws Exception {
        pages.add(page(100, "http://127.0.0.1:9/p2", null));
        pages.add(page(100, "http://127.0.0.1:9/p3", null));
        pages.add(page(100, "http://127.0.0.1:9/p2", null)); // p3 leads back to p2: a loop of three
        pages.add(page(100, "http://127.0.0.1:9/p3", null)); // never asked for
        MockEndpoint written = start();
        written.expectedMessageCount(2);

        Exchange exchange = template.send("direct:leadfeeder-window", windowExchange("2025-04-01", "2025-04-30"));

        assertThat(exchange.getException()).isInstanceOf(org.leadfeedercamel.api.BrokenPagingException.class)
                .hasMessage("Broken paging from Leadfeeder: links.next leads back to a page this window has read "
                        + "(http://127.0.0.1:9/p2); this window's pages would never end");
        written.assertIsSatisfied();
        assertThat(fetched).hasValue(3);
    }

    @Test
    void aNextLinkToAnotherHostIsRefused() throws Exception {
        pages.add(page(100, "http://evil.example/accounts/100001/visits?page%5Bnumber%5D=2", null));
        MockEndpoint written = start();
        written.expectedMessageCount(0);

        Exchange exchange = template.send("direct:leadfeeder-window", windowExchange("2025-04-01", "2025-04-30"));

        assertThat(exchange.getException()).hasMessageContaining("evil.example").hasMessageContaining("refusing");
        written.assertIsSatisfied();
        ReliabilityReport.record("links.next to another host", "a page whose next link points at http://evil.example",
                "refused before any request: the token is never sent there; nothing of the page written");
    }
}
