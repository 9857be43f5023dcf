package org.leadfeedercamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Retry-After longer than leadfeeder.http.max-rate-limit-wait-seconds waits only as long as that cap. */
class RetryAfterCapRouteTest extends RetryAfterRouteTest {

    @Override
    protected int retryAfterSeconds() {
        return 60;
    }

    @Override
    protected Map<String, String> overrides() {
        return Map.of("leadfeeder.http.max-rate-limit-wait-seconds", "1");
    }

    @Override
    @Test
    void aServiceUnavailableIsRetriedWhenItsRetryAfterSays() {
        long gap = retryGap();

        assertThat(gap).isGreaterThanOrEqualTo(1_000).isLessThan(60_000);
    }
}
