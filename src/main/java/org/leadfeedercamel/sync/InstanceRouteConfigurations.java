package org.leadfeedercamel.sync;

import java.io.IOException;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.leadfeedercamel.api.RateLimitedException;
import org.leadfeedercamel.api.TransientApiException;
import org.leadfeedercamel.config.HttpSettings;
import org.leadfeedercamel.config.Instance;
import org.leadfeedercamel.run.SyncStoppedException;

/**
 * The error handling of an instance's routes, with its own retry settings and retry waits (route
 * configurations cannot be templated, so each instance gets a pair built here):
 * {@code <prefix>-plain}: errors propagate to the sync route, which records them in the run log;
 * {@code <prefix>-api-retries}: a request is retried on 5xx, malformed bodies and I/O errors with
 * exponential backoff, and on 429 after the wait the API asks for (both waited in {@link org.leadfeedercamel.api.RetryWaits}).
 */
final class InstanceRouteConfigurations extends RouteConfigurationBuilder {

    private final Instance instance;
    private final Processor retryWaits;

    InstanceRouteConfigurations(Instance instance, Processor retryWaits) {
        this.instance = instance;
        this.retryWaits = retryWaits;
    }

    @Override
    public void configuration() {
        HttpSettings http = instance.settings().http();
        routeConfiguration(instance.routeId("plain")).errorHandler(noErrorHandler());
        routeConfiguration(instance.routeId("api-retries"))
                .errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false))
                .onException(SyncStoppedException.class)
                    .maximumRedeliveries(0)
                    .logExhausted(false)
                .end()
                .onException(RateLimitedException.class)
                    .onRedelivery(retryWaits)
                    .maximumRedeliveries(http.rateLimitRetries())
                    .redeliveryDelay(0)
                    .logRetryAttempted(false)
                    .logExhausted(false)
                .end()
                .onException(TransientApiException.class, IOException.class)
                    .onRedelivery(retryWaits)
                    .maximumRedeliveries(http.retries())
                    .redeliveryDelay(0) // the exponential backoff is the retry waits', so that a stop ends it
                    .logRetryAttempted(false)
                    .logExhausted(false)
                .end();
    }
}
