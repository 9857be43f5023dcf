package org.leadfeedercamel.sync;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;

/**
 * Overlaps the API and the mapping with the warehouse: once the pager has decided to follow a page's
 * next link, that page is fetched and mapped on another thread while the current one is written. One
 * page at most is ahead, so memory holds two pages and the request count does not change (a window
 * that is split is decided on its first page, before anything is fetched ahead).
 */
public final class PagePrefetch {

    /** The exchange property holding the page being fetched ahead. */
    static final String AHEAD = "leadfeederPageAhead";

    private final String endpoint;
    private ProducerTemplate producer;

    public PagePrefetch(String endpoint) {
        this.endpoint = endpoint;
    }

    /** Starts fetching the page at {@code leadfeederNextUrl}, if there is one, with the exchange's properties. */
    public void requestNext(Exchange exchange) {
        if (exchange.getProperty(SyncProperties.NEXT_URL) == null) {
            return;
        }
        Exchange request = new DefaultExchange(exchange.getContext());
        request.getProperties().putAll(exchange.getProperties());
        exchange.setProperty(AHEAD, producer(exchange.getContext()).asyncSend(endpoint, request));
    }

    /** Whether a page is being fetched ahead for this exchange. */
    public boolean hasNext(Exchange exchange) {
        return exchange.getProperty(AHEAD) != null;
    }

    /** Waits for the page fetched ahead and makes it, its rows (or its failure) this exchange's. */
    public void takeNext(Exchange exchange) throws Exception {
        @SuppressWarnings("unchecked")
        CompletableFuture<Exchange> ahead = (CompletableFuture<Exchange>) exchange.removeProperty(AHEAD);
        Exchange answer;
        try {
            answer = ahead.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        if (answer.getException() != null) {
            throw answer.getException();
        }
        exchange.getMessage().setHeaders(answer.getMessage().getHeaders());
        exchange.getMessage().setBody(answer.getMessage().getBody());
        exchange.setProperty(SyncProperties.PAGE_ROWS, answer.getProperty(SyncProperties.PAGE_ROWS));
    }

    private synchronized ProducerTemplate producer(CamelContext context) {
        if (producer == null) {
            // a pool of our own, named for the sync and shut down with the context
            ExecutorService pool = context.getExecutorServiceManager().newCachedThreadPool(this, "leadfeeder-prefetch");
            producer = context.createProducerTemplate();
            producer.setExecutorService(pool);
        }
        return producer;
    }
}
