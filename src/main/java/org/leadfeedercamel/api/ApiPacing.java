package org.leadfeedercamel.api;

import java.net.URI;
import org.apache.camel.Exchange;
import org.leadfeedercamel.sync.SyncProperties;

/** Paces each request by the limit of the API it goes to: calendar windows (classic) or a token bucket ({@code /v1}). */
public final class ApiPacing {

    private final RequestPacer classic;
    private final TokenBucketPacer v1;
    private final URI base;

    public ApiPacing(RequestPacer classic, TokenBucketPacer v1, URI base) {
        this.classic = classic;
        this.v1 = v1;
        this.base = base;
    }

    public void acquire(Exchange exchange) throws InterruptedException {
        String url = exchange.getProperty(SyncProperties.NEXT_URL, String.class);
        if (url != null && ApiGeneration.ofUrl(url, base) == ApiGeneration.V1) {
            v1.acquire();
        } else {
            classic.acquire(exchange);
        }
    }
}
