package org.leadfeedercamel.routes;

import org.leadfeedercamel.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.run.SyncRun;

/** A 429 waits for Retry-After when the API sends it (here), otherwise for the next window (subclass), then goes through. */
@Tag("reliability")
class RateLimitRouteTest extends RouteTestSupport {

    private final LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("route-test-token")
            .requestsPerWindow(1).rateWindow(Duration.ofSeconds(1)).retryAfter(sendsRetryAfter()).start();

    protected boolean sendsRetryAfter() {
        return true;
    }

    @Override
    protected String api() {
        return simulator.baseUrl();
    }

    @Override
    protected Map<String, String> overrides() {
        return Map.of("leadfeeder.rate-limit.window-seconds", "1");
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    @Test
    void aRateLimitedRequestWaitsItsTurnAndGoesThrough() {
        context.start();
        int retries = 0;
        for (int i = 0; i < 3; i++) {
            Exchange exchange = requestTo(simulator.baseUrl() + "/accounts");
            template.send("direct:leadfeeder-api-get", exchange);
            assertThat(exchange.getException()).isNull();
            retries += runOf(exchange).retries();
        }

        ReliabilityReport.record("HTTP 429 " + (sendsRetryAfter() ? "with Retry-After" : "without Retry-After"),
                "API limit of 1 request per 1 s window; 3 requests in a row",
                simulator.stats().withStatus(429) + " × 429, each waited out, logged and counted (" + retries
                        + " retries in the run logs); all 3 requests answered 200");
        assertThat(simulator.stats().withStatus(200)).isEqualTo(3);
        assertThat(simulator.stats().withStatus(429)).as("at one request per second, waiting is needed").isPositive();
        assertThat(retries).isEqualTo((int) simulator.stats().withStatus(429));
    }
}
