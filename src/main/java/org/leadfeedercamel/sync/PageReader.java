package org.leadfeedercamel.sync;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.leadfeedercamel.api.ApiChoice;
import org.leadfeedercamel.config.Instance;
import org.leadfeedercamel.api.ApiRequest;
import org.leadfeedercamel.api.OffsetExceededException;
import org.leadfeedercamel.api.Paging;
import org.leadfeedercamel.mapping.PageRows;
import org.leadfeedercamel.run.StopSignal;
import org.leadfeedercamel.run.SyncMode;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.run.SyncWindow;
import org.leadfeedercamel.run.WindowQueue;
import org.leadfeedercamel.state.CompletedWindows;
import org.leadfeedercamel.state.FailureReason;
import org.leadfeedercamel.state.PageTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out a window's pages, fetched and mapped, for the window route to write. A window whose first
 * page shows it holds more than the API's result cap lets one search reach is split, into halves or by
 * its total, and its parts read next instead; a single day is read as far as the cap goes, loudly.
 *
 * <p>Once a page has a next one, that one is fetched and mapped on another thread while the current one
 * is written: one page at most is ahead, so memory holds two pages and the request count does not
 * change (a window that is split is decided on its first page, before anything is fetched ahead).
 */
public final class PageReader {

    static final String PAGE = "page";

    private static final Logger LOG = LoggerFactory.getLogger(PageReader.class);
    /** The share of the result cap a window's part is planned to hold: room for days busier than the average. */
    static final double CAP_FILL = 0.85;

    private final CamelContext context;
    private final ApiChoice choice;
    private final CompletedWindows state;
    private final PageTransaction writes;
    private final int resultCap;
    private final Instance instance;
    private final StopSignal stop;
    private ProducerTemplate producer;

    /** Reads the pages of {@code instance}'s windows through its {@code page-fetch} route, ahead on a pool named for it. */
    public PageReader(CamelContext context, ApiChoice choice, CompletedWindows state, PageTransaction writes, int resultCap,
            Instance instance, StopSignal stop) {
        this.stop = stop;
        this.context = context;
        this.choice = choice;
        this.state = state;
        this.writes = writes;
        this.resultCap = resultCap;
        this.instance = instance;
    }

    /** The paging cursor of a window, at its first page. */
    public WindowPages open(SyncRun run, SyncWindow window, WindowQueue windows) {
        return new WindowPages(run, window, windows, choice.api().firstPage(window));
    }

    /** The window's next page to write; null when there is none to write (the window was split instead). */
    public PageRows next(WindowPages pages) throws Exception {
        stop.check(); // the page boundary: what was written is committed, what is fetched ahead is dropped
        ApiRequest request = pages.next;
        Exchange answer;
        try {
            answer = pages.ahead != null ? take(pages) : producer().send(fetchEndpoint(), fetchOf(pages, request));
            if (answer.getException() != null) {
                throw answer.getException();
            }
        } catch (Exception e) {
            if (!FailureReason.causedBy(e, OffsetExceededException.class)) {
                throw e;
            }
            pastCap(pages, request);
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> document = answer.getMessage().getBody(Map.class);
        Paging paging = choice.api().paging(document, request);
        pages.page = request.page();
        if (paging.beyondCap()) {
            if (pages.window.days() > 1) {
                int parts = parts(paging.total(), pages.window);
                if (paging.total() == null) {
                    LOG.info("Window {} may have reached the API's {}-result cap; reading it as two halves", pages.window, resultCap);
                } else {
                    LOG.info("Window {} holds {} results, more than the API's {}-result cap lets one search reach; reading it as {} windows",
                            pages.window, paging.total(), resultCap, parts);
                }
                pages.windows.split(pages.window, parts);
                pages.next = null;
                return null;
            }
            warnCapped(pages);
        }
        pages.pageCount = paging.pageCount();
        pages.advance(paging.next());
        PageRows rows = answer.getVariable(PAGE, PageRows.class);
        if (pages.next == null) {
            rows.markLast();
        } else {
            pages.ahead = producer().asyncSend(fetchEndpoint(), fetchOf(pages, pages.next));
        }
        return rows;
    }

    /**
     * Into how many windows of equal days a window over the cap is read: with its total told ({@code /v1}),
     * as few as keep each part's share under {@link #CAP_FILL} of the cap, so most are read whole at once (a
     * part that is still over splits again by its own total; halving would read more, narrower windows, in
     * which a company's rows repeat); without it, halves.
     */
    private int parts(Long total, SyncWindow window) {
        if (total == null) {
            return 2;
        }
        long parts = (long) Math.ceil(total / (resultCap * CAP_FILL));
        return (int) Math.max(2, Math.min(parts, window.days()));
    }

    /**
     * A page past the cap answered 416 ({@code /v1}: the window grew while it was read): the window is
     * read again as two halves; a single day cannot be narrowed, so what was read stands, loudly.
     */
    private void pastCap(WindowPages pages, ApiRequest request) throws Exception {
        pages.next = null;
        if (pages.window.days() > 1) {
            LOG.info("Window {} answered HTTP 416 offset_exceeded at page {}, past what one search can reach; reading it again as two halves",
                    pages.window, request.page());
            pages.windows.split(pages.window, 2);
            return;
        }
        warnCapped(pages);
        if (pages.run.mode() == SyncMode.INCREMENTAL) {
            // nothing more of that day can be read; a backfill marks nothing
            writes.write("marking " + pages.window + " complete", () -> state.markComplete(pages.window, pages.run.clock().instant()));
        }
    }

    private void warnCapped(WindowPages pages) {
        SyncWindow window = pages.window;
        String message = "Account " + window.accountId() + ": " + window.stream() + " on " + window.from()
                + " reach the API's " + resultCap + "-result cap; only the first " + resultCap + " of that day can be read";
        LOG.error(message);
        pages.run.warn(message);
    }

    private Exchange fetchOf(WindowPages pages, ApiRequest request) {
        Exchange exchange = new DefaultExchange(context);
        exchange.setProperty(SyncRun.PROPERTY, pages.run);
        exchange.setProperty(ApiRequest.PROPERTY, request);
        exchange.setVariable(PAGE, new PageRows(pages.run, pages.window, choice.api().mapping(pages.window.stream())));
        return exchange;
    }

    private static Exchange take(WindowPages pages) throws Exception {
        CompletableFuture<Exchange> ahead = pages.ahead;
        pages.ahead = null;
        try {
            return ahead.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private synchronized ProducerTemplate producer() {
        if (producer == null) {
            // a pool of our own, named for the sync and shut down with the context
            producer = context.createProducerTemplate();
            producer.setExecutorService(context.getExecutorServiceManager().newCachedThreadPool(this, instance.routeId("prefetch")));
        }
        return producer;
    }

    /** The route that fetches the page of an exchange's {@link ApiRequest} and maps it into its {@code page} variable. */
    private String fetchEndpoint() {
        return "direct:" + instance.routeId("page-fetch");
    }
}
