package org.leadfeedercamel.api;

import java.net.URI;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.leadfeedercamel.run.SyncRun;

/**
 * Writes the {@link ApiRequest} of the exchange into the HTTP message camel-http sends: URL (checked
 * to be on the configured API), method, {@code Accept} and body; and counts the request in the run.
 */
public final class RequestWriter implements Processor {

    private final URI base;

    public RequestWriter(URI base) {
        this.base = base;
    }

    @Override
    public void process(Exchange exchange) {
        ApiRequest request = exchange.getProperty(ApiRequest.PROPERTY, ApiRequest.class);
        ApiHost.checked(request.url(), base);
        // Camel counts redeliveries in these headers: clearing them would retry forever
        exchange.getMessage().removeHeaders("*", Exchange.REDELIVERED, Exchange.REDELIVERY_COUNTER,
                Exchange.REDELIVERY_MAX_COUNTER);
        exchange.getMessage().setHeader(Exchange.HTTP_URI, request.url());
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, request.method());
        exchange.getMessage().setHeader("Accept", request.accept());
        if (request.body() != null) {
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        }
        exchange.getMessage().setBody(request.body());
        SyncRun run = exchange.getProperty(SyncRun.PROPERTY, SyncRun.class);
        if (run != null) {
            run.requestSent();
            run.at(request.position());
        }
    }
}
