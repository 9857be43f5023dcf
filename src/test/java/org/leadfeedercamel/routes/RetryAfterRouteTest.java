package org.leadfeedercamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.reliability.ReliabilityReport;
import org.leadfeedercamel.simulator.Fault;
import org.leadfeedercamel.simulator.LeadfeederSimulator;

/**
 * A 503 that says when to come back (Retry-After, as a gateway in maintenance sends it) is retried
 * then, not on the exponential backoff (5 ms here), and never later than the configured cap allows.
 */
@Tag("reliability")
class RetryAfterRouteTest extends RouteTestSupport {

    private final LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("route-test-token")
            .requestsPerWindow(0).unavailableRetryAfter(retryAfterSeconds()).start();

    protected int retryAfterSeconds() {
        return 2;
    }

    @Override
    protected String api() {
        return simulator.baseUrl();
    }

    @Override
    protected Map<String, String> overrides() {
        return Map.of("leadfeeder.http.max-rate-limit-wait-seconds", "10");
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    /** Milliseconds between the 503 and the attempt after it, as the simulator saw them arrive. */
    protected long retryGap() {
        context.start();
        simulator.faults().injectNext(Fault.SERVICE_UNAVAILABLE, 1);
        Exchange exchange = requestTo(simulator.baseUrl() + "/accounts");

        template.send("direct:leadfeeder-api-get", exchange);

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.stats().byStatus()).isEqualTo(Map.of(200, 1L, 503, 1L));
        List<Long> arrivals = simulator.stats().arrivals();
        return arrivals.get(1) - arrivals.get(0);
    }

    @Test
    void aServiceUnavailableIsRetriedWhenItsRetryAfterSays() {
        long gap = retryGap();

        ReliabilityReport.record("HTTP 503 with Retry-After", "one 503 with Retry-After: 2 against a 5 ms backoff",
                "the retry came " + gap + " ms later, as the header asked; then the page");
        assertThat(gap).isGreaterThanOrEqualTo(2_000);
    }
}
