package org.leadfeedercamel.routes;

/** Without Retry-After the route waits for the API's next rate-limit window. */
class RateLimitWithoutRetryAfterRouteTest extends RateLimitRouteTest {

    @Override
    protected boolean sendsRetryAfter() {
        return false;
    }
}
