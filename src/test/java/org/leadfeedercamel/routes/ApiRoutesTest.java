package org.leadfeedercamel.routes;

import org.leadfeedercamel.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.api.FatalApiException;
import org.leadfeedercamel.simulator.Fault;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.run.SyncRun;

/**
 * leadfeeder-api-get and leadfeeder-api-call against the simulator over real HTTP: transient faults
 * are retried up to the configured attempts; other refusals fail at once.
 */
@Tag("reliability")
class ApiRoutesTest extends RouteTestSupport {

    private final LeadfeederSimulator simulator = LeadfeederSimulator.builder().token("route-test-token")
            .requestsPerWindow(0).start();

    @Override
    protected String api() {
        return simulator.baseUrl();
    }

    @Override
    protected Map<String, String> overrides() {
        return Map.of("leadfeeder.http.retries", "2", "leadfeeder.http.response-timeout-ms", "500");
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private Exchange get(String path) {
        Exchange exchange = requestTo(simulator.baseUrl() + path);
        exchange.getMessage().setHeader("CamelHttpPath", "/somewhere/else"); // a host route's leftovers must not matter
        exchange.getMessage().setHeader("CamelHttpQuery", "evil=1");
        return template.send("direct:leadfeeder-api-get", exchange);
    }

    @Test
    void transientFaultsAreRetriedUntilTheAnswerIsGood() {
        context.start();
        simulator.faults().injectNext(Fault.SERVICE_UNAVAILABLE, 1);
        simulator.faults().injectNext(Fault.TRUNCATE, 1);

        Exchange exchange = get("/accounts");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(Map.class)).containsKey("data");
        assertThat(simulator.stats().requests()).isEqualTo(3);
        SyncRun run = runOf(exchange);
        assertThat(run.retries()).isEqualTo(2);
        assertThat(run.requests()).isEqualTo(3);
        ReliabilityReport.record("Transient faults", "an HTTP 503, then a JSON body cut in half",
                "retried with exponential backoff and jitter: 3 requests, 2 retries, then the page");
    }

    @Test
    void afterTheLastAttemptTheRequestFailsWithTheReason() {
        context.start();
        simulator.faults().injectNext(Fault.RESET, 3);

        Exchange exchange = get("/accounts");

        assertThat(exchange.getException()).isInstanceOf(java.io.IOException.class);
        assertThat(simulator.stats().requests()).isEqualTo(3);
        assertThat(runOf(exchange).retries()).isEqualTo(2);
        ReliabilityReport.record("Retries exhausted", "3 connection resets (TCP RST mid-body), 3 attempts allowed",
                "the request fails with the I/O error after 3 attempts; the run fails naming where (see 'Run stopped half-way')");
    }

    @Test
    void aTimeoutIsRetriedLikeAnyTransientFault() {
        context.start();
        simulator.faults().injectNext(Fault.SLOW, 1); // 2 s late, past the 500 ms response timeout

        Exchange exchange = get("/accounts");

        assertThat(exchange.getException()).isNull();
        assertThat(simulator.stats().requests()).isEqualTo(2);
        assertThat(runOf(exchange).retries()).isEqualTo(1);
        ReliabilityReport.record("Timeout", "an answer 2 s late against a 500 ms response timeout", "retried: 2 requests, 1 retry, then the page");
    }

    @Test
    void aBadRequestIsNotRetried() {
        context.start();

        Exchange exchange = get("/accounts/100001/visits");

        assertThat(exchange.getException()).isInstanceOf(FatalApiException.class).hasMessageContaining("HTTP 400")
                .hasMessageContaining("start_date and end_date are required");
        assertThat(simulator.stats().requests()).isEqualTo(1);
    }
}
