package org.leadfeedercamel.sync;

import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.leadfeedercamel.api.ApiChoice;
import org.leadfeedercamel.api.ApiGeneration;
import org.leadfeedercamel.api.ApiRequests;
import org.leadfeedercamel.api.MalformedPageException;
import org.leadfeedercamel.api.TransientApiException;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.state.CompletedWindows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the paging facts of each fetched page for the pager loop: which page comes next, and on a
 * window's first page whether the window holds more than the API's result cap lets one search reach,
 * in which case it is split and read again as two halves.
 *
 * <p>The classic API pages by {@code links.next} and shows the cap only through {@code links.last}
 * (a capped result looks full). The unified API has no links: it reports the true
 * {@code meta.pagination.total_count} and {@code page_count}, and answers 416 past the cap.
 */
public final class Pager {

    private static final Logger LOG = LoggerFactory.getLogger(Pager.class);

    private final SyncSettings settings;
    private final ApiRequests api;
    private final ApiChoice choice;
    private final CompletedWindows state;

    public Pager(SyncSettings settings, ApiRequests api, ApiChoice choice, CompletedWindows state) {
        this.settings = settings;
        this.api = api;
        this.choice = choice;
        this.state = state;
    }

    public void onPage(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> document = exchange.getMessage().getBody(Map.class);
        if (!(document.get("data") instanceof List<?> data)) {
            throw new TransientApiException("page without a data array from " + exchange.getProperty(SyncProperties.NEXT_URL));
        }
        int pageNumber = exchange.getProperty(SyncProperties.PAGE_NUMBER, 0, Integer.class) + 1;
        exchange.setProperty(SyncProperties.PAGE_NUMBER, pageNumber);
        String next;
        if (choice.generation() == ApiGeneration.V1) {
            Map<?, ?> meta = document.get("meta") instanceof Map<?, ?> m ? m : Map.of();
            // meta.pagination on the live API; flat meta as in some third-party fixtures
            Map<?, ?> pagination = meta.get("pagination") instanceof Map<?, ?> p ? p : meta;
            Long total = number(pagination.get("total_count"));
            if (pageNumber == 1 && total != null && total > settings.resultCap() && splitAtCap(exchange)) {
                return;
            }
            Long pages = number(pagination.get("page_count"));
            long reachable = (settings.resultCap() + settings.pageSize() - 1L) / settings.pageSize();
            long last = Math.min(reachable, pages != null ? pages : total != null
                    ? (total + settings.pageSize() - 1) / settings.pageSize() : Long.MAX_VALUE);
            exchange.setProperty(SyncProperties.PAGE_COUNT, last == Long.MAX_VALUE ? null : (int) last);
            next = data.isEmpty() || pageNumber >= last ? null
                    : ApiRequests.withV1Page(exchange.getProperty(SyncProperties.NEXT_URL, String.class), pageNumber + 1);
        } else {
            Object linksValue = document.get("links");
            if (linksValue != null && !(linksValue instanceof Map<?, ?>)) {
                throw new MalformedPageException("links is not an object in the page from "
                        + exchange.getProperty(SyncProperties.NEXT_URL));
            }
            Map<?, ?> links = linksValue == null ? Map.of() : (Map<?, ?>) linksValue;
            String lastLink = ApiRequests.link("last", links.get("last"));
            String nextLink = ApiRequests.link("next", links.get("next"));
            if (pageNumber == 1 && mayBeCapped(lastLink) && splitAtCap(exchange)) {
                return;
            }
            Map<String, Integer> last = ApiRequests.pageOf(lastLink);
            exchange.setProperty(SyncProperties.PAGE_COUNT, last == null ? null : last.get("number"));
            next = data.isEmpty() ? null : api.checkedNext(nextLink);
        }
        exchange.setProperty(SyncProperties.NEXT_URL, next);
        exchange.setProperty(SyncProperties.LAST_PAGE, next == null);
        exchange.setProperty(SyncProperties.WRITE_PAGE, true);
    }

    /**
     * A {@code /v1} page past the cap answered 416 (the window grew while it was read): the window is read
     * again as two halves; a single day cannot be narrowed, so what was read stands, loudly.
     */
    public void offsetExceeded(Exchange exchange) {
        SyncWindow window = exchange.getProperty(SyncProperties.WINDOW, SyncWindow.class);
        exchange.setProperty(SyncProperties.NEXT_URL, null);
        if (window.days() > 1) {
            LOG.info("Window {} answered HTTP 416 offset_exceeded at page {}, past what one search can reach; reading it again as two halves",
                    window, exchange.getProperty(SyncProperties.PAGE_NUMBER, 0, Integer.class) + 1);
            exchange.getProperty(SyncProperties.WINDOWS, WindowQueue.class).split(window);
            return;
        }
        warnCapped(exchange, window);
        SyncRun run = exchange.getProperty(SyncProperties.RUN, SyncRun.class);
        if (run.mode() == SyncMode.INCREMENTAL) {
            state.markComplete(window, run.clock().instant()); // nothing more of that day can be read; a backfill marks nothing
        }
    }

    /** Splits a window that holds more than the cap; a single day is read as far as the cap goes. */
    private boolean splitAtCap(Exchange exchange) {
        SyncWindow window = exchange.getProperty(SyncProperties.WINDOW, SyncWindow.class);
        if (window.days() > 1) {
            LOG.info("Window {} may have reached the API's {}-result cap; reading it as two halves", window,
                    settings.resultCap());
            exchange.getProperty(SyncProperties.WINDOWS, WindowQueue.class).split(window);
            exchange.setProperty(SyncProperties.NEXT_URL, null);
            exchange.setProperty(SyncProperties.LAST_PAGE, false);
            exchange.setProperty(SyncProperties.WRITE_PAGE, false);
            return true;
        }
        warnCapped(exchange, window);
        return false;
    }

    private void warnCapped(Exchange exchange, SyncWindow window) {
        String message = "Account " + window.accountId() + ": " + window.stream() + " on " + window.from()
                + " reach the API's " + settings.resultCap() + "-result cap; only the first "
                + settings.resultCap() + " of that day can be read";
        LOG.error(message);
        exchange.getProperty(SyncProperties.RUN, SyncRun.class).warn(message);
    }

    private boolean mayBeCapped(String last) {
        Map<String, Integer> page = ApiRequests.pageOf(last);
        return page != null && (long) page.get("number") * page.get("size") >= settings.resultCap();
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }
}
