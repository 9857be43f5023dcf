package org.leadfeedercamel.api;

import java.net.URI;

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

    public void acquire(ApiRequest request) throws InterruptedException {
        if (ApiGeneration.ofUrl(request.url(), base) == ApiGeneration.V1) {
            v1.acquire();
        } else {
            classic.acquire();
        }
    }
}
