package org.leadfeedercamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.api.BrokenPagingException;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.run.WindowQueue;

/**
 * leadfeeder-window on the classic API with a result cap of 250 at 100 a page: a window reads at most
 * ceil(250 / 100) + 1 = 4 pages, however its links go on. The pages are scripted: no links.last (so the cap
 * shows nowhere and nothing is split) and a links.next to the next page number, for ever.
 */
class PageCapRouteTest extends RouteTestSupport {

    private final Deque<Map<String, Object>> pages = new ConcurrentLinkedDeque<>();
    private final AtomicInteger fetched = new AtomicInteger();

    @Override
    protected Map<String, String> overrides() {
        return Map.of(SyncSettings.RESULT_CAP, "250");
    }

    private static Map<String, Object> fullPage(int next) {
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("next", "http://127.0.0.1:9/accounts/100001/visits?page%5Bnumber%5D=" + next + "&page%5Bsize%5D=100");
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            data.add(Map.of("id", "v" + next + "-" + i, "type", "visits", "attributes", Map.of("visit_route", List.of())));
        }
        return Map.of("data", data, "included", List.of(), "links", links);
    }

    @Test
    void aWindowWhoseLinksNeverEndReadsTheCapsPagesAndOneMoreThenFails() throws Exception {
        for (int page = 1; page <= 20; page++) {
            pages.add(fullPage(page + 1));
        }
        AdviceWith.adviceWith(context, "leadfeeder-api-get", a -> a.weaveByToUri("direct:.*-api-call").replace()
                .process(e -> {
                    fetched.incrementAndGet();
                    e.getMessage().setBody(pages.removeFirst());
                }));
        AdviceWith.adviceWith(context, "leadfeeder-window", a -> a.weaveByToUri("direct:.*-write-page").replace().to("mock:page"));
        context.start();
        MockEndpoint written = getMockEndpoint("mock:page");
        written.expectedMessageCount(3);
        Exchange exchange = exchangeFor("100001", "visits");
        exchange.setVariable("window", window("2025-04-01", "2025-04-30"));
        exchange.setVariable("windows", new WindowQueue(List.of()));

        template.send("direct:leadfeeder-window", exchange);

        assertThat(exchange.getException()).isInstanceOf(BrokenPagingException.class)
                .hasMessageContaining("links.next leads on after 4 pages (http://127.0.0.1:9/accounts/100001/visits?page%5Bnumber%5D=5&")
                .hasMessageContaining("more than 250 results at 100 a page can fill");
        assertThat(fetched).hasValue(4);
        written.assertIsSatisfied();
    }
}
