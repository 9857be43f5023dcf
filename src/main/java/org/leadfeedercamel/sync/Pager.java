package org.leadfeedercamel.sync;

import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.leadfeedercamel.api.ApiRequests;
import org.leadfeedercamel.api.TransientApiException;
import org.leadfeedercamel.config.SyncSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the paging facts of each fetched page for the pager loop: whether to follow `links.next`, and
 * on a window's first page whether `links.last` shows the window may have reached the result cap, in
 * which case the window is split and read again as two halves.
 */
public final class Pager {

    private static final Logger LOG = LoggerFactory.getLogger(Pager.class);

    private final SyncSettings settings;
    private final ApiRequests api;

    public Pager(SyncSettings settings, ApiRequests api) {
        this.settings = settings;
        this.api = api;
    }

    public void onPage(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> document = exchange.getMessage().getBody(Map.class);
        if (!(document.get("data") instanceof List<?> data)) {
            throw new TransientApiException("page without a data array from " + exchange.getProperty(SyncProperties.NEXT_URL));
        }
        Map<?, ?> links = document.get("links") instanceof Map<?, ?> m ? m : Map.of();
        int pageNumber = exchange.getProperty(SyncProperties.PAGE_NUMBER, 0, Integer.class) + 1;
        exchange.setProperty(SyncProperties.PAGE_NUMBER, pageNumber);
        SyncWindow window = exchange.getProperty(SyncProperties.WINDOW, SyncWindow.class);
        if (pageNumber == 1 && mayBeCapped(links.get("last"))) {
            if (window.days() > 1) {
                LOG.info("Window {} may have reached the API's {}-result cap; reading it as two halves", window,
                        settings.resultCap());
                exchange.getProperty(SyncProperties.WINDOWS, WindowQueue.class).split(window);
                exchange.setProperty(SyncProperties.NEXT_URL, null);
                exchange.setProperty(SyncProperties.LAST_PAGE, false);
                exchange.setProperty(SyncProperties.WRITE_PAGE, false);
                return;
            }
            String message = "Account " + window.accountId() + ": " + window.stream() + " on " + window.from()
                    + " reach the API's " + settings.resultCap() + "-result cap; only the first "
                    + settings.resultCap() + " of that day can be read";
            LOG.error(message);
            exchange.getProperty(SyncProperties.RUN, SyncRun.class).warn(message);
        }
        Map<String, Integer> last = ApiRequests.pageOf(links.get("last") instanceof String s ? s : null);
        exchange.setProperty(SyncProperties.PAGE_COUNT, last == null ? null : last.get("number"));
        String next = data.isEmpty() ? null : api.checkedNext(links.get("next"));
        exchange.setProperty(SyncProperties.NEXT_URL, next);
        exchange.setProperty(SyncProperties.LAST_PAGE, next == null);
        exchange.setProperty(SyncProperties.WRITE_PAGE, true);
    }

    private boolean mayBeCapped(Object last) {
        Map<String, Integer> page = ApiRequests.pageOf(last instanceof String s ? s : null);
        return page != null && (long) page.get("number") * page.get("size") >= settings.resultCap();
    }
}
