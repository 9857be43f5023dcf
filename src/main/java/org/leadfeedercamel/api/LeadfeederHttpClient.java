package org.leadfeedercamel.api;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpHeaders;
import java.net.URI;
import org.leadfeedercamel.config.DataSize;

/**
 * Shapes camel-http's client for Leadfeeder: the credential (a classic token as {@code Authorization},
 * a {@code /v1} key as {@code X-Api-Key}) goes in as a request interceptor (never in a
 * message header, so no exchange dump or log can show it) and only to the API's own host; the client's
 * automatic retries are off (the routes own retries and Retry-After), redirects are not followed, and no
 * answer is read past {@code maxResponse} ({@link ResponseSizeLimit}).
 */
public final class LeadfeederHttpClient implements HttpClientConfigurer {

    private final URI base;
    private final String credential;
    private final String userAgent;
    private final ResponseSizeLimit sizeLimit;

    /** {@code maxResponseKey} is the setting {@code maxResponse} comes from, which a refused answer names. */
    public LeadfeederHttpClient(URI base, String credential, String userAgent, DataSize maxResponse, String maxResponseKey) {
        this.base = base;
        this.credential = credential;
        this.userAgent = userAgent;
        this.sizeLimit = new ResponseSizeLimit(maxResponse, maxResponseKey);
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        String host = base.getHost();
        String authorization = "Token token=" + credential;
        builder.disableAutomaticRetries()
                .disableRedirectHandling()
                .setUserAgent(userAgent)
                .addExecInterceptorFirst(ResponseSizeLimit.NAME, sizeLimit)
                .addRequestInterceptorFirst((request, entity, context) -> {
                    if (request.getAuthority() != null && host.equalsIgnoreCase(request.getAuthority().getHostName())) {
                        // the credential goes the way the API being asked expects it, and only there
                        if (ApiGeneration.of(request.getPath(), base) == ApiGeneration.V1) {
                            request.setHeader("X-Api-Key", credential);
                        } else {
                            request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
                        }
                    }
                });
    }

    @Override
    public String toString() {
        return "LeadfeederHttpClient[" + base + "]"; // never the token
    }
}
