package org.leadfeedercamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.api.ResponseTooLargeException;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.simulator.Fault;
import org.leadfeedercamel.simulator.LeadfeederSimulator;
import org.leadfeedercamel.simulator.data.DatasetSpec;

/**
 * leadfeeder-api-get against answers far past {@code leadfeeder.http.max-response-mb} (1 MB here): the
 * simulator's oversized body, 400 MB of chunked whitespace around a real page, is refused once a megabyte is
 * read, its connection dropped (the simulator got to write a few buffers' worth, not 400 MB), without a
 * retry; the next request gets a connection of its own and its page.
 */
class ResponseSizeLimitRouteTest extends RouteTestSupport {

    private static final long MB = 1024 * 1024;
    private static final String VISITS = "/accounts/100001/visits?start_date=2025-04-01&end_date=2025-04-30&page%5Bsize%5D=100";

    private final LeadfeederSimulator simulator = LeadfeederSimulator.builder().clock(CLOCK)
            .dataset(DatasetSpec.defaults().withRange(LocalDate.parse("2025-04-01"), LocalDate.parse("2025-04-30")))
            .token("route-test-token").requestsPerWindow(0).start();

    @Override
    protected String api() {
        return simulator.baseUrl();
    }

    @Override
    protected Map<String, String> overrides() {
        return Map.of(SyncSettings.MAX_RESPONSE, "1", SyncSettings.RETRIES, "3");
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private Exchange get(String url) {
        return template.send("direct:leadfeeder-api-get", requestTo(url));
    }

    @Test
    void anEndlessLookingChunkedBodyIsRefusedAtTheLimitAndNotAskedAgain() {
        context.start();
        simulator.faults().injectNext(Fault.OVERSIZED, 1);

        Exchange refused = get(simulator.baseUrl() + VISITS);

        assertThat(refused.getException()).isInstanceOf(ResponseTooLargeException.class)
                .hasMessage("The answer to GET " + simulator.baseUrl() + VISITS + " is larger than 1 MB (leadfeeder.http.max-response-mb);"
                        + " refused there, and not asked again");
        assertThat(simulator.stats().requests()).as("no retry").isOne();
        assertThat(simulator.stats().bodyBytes()).as("bytes the simulator could write before the connection was dropped")
                .isGreaterThan(MB).isLessThan(64 * MB);
        assertThat(runOf(refused).retries()).isZero();

        Exchange next = get(simulator.baseUrl() + VISITS);

        assertThat(next.getException()).isNull();
        assertThat(next.getMessage().getBody(Map.class)).containsKey("data");
    }

    @Test
    void anOversizedErrorBodyIsRefusedTooRatherThanQuoted() {
        context.start();
        simulator.faults().injectNext(Fault.OVERSIZED, 1);

        Exchange refused = get(simulator.baseUrl() + "/accounts/999999/visits?start_date=2025-04-01&end_date=2025-04-30");

        assertThat(refused.getException()).isInstanceOf(ResponseTooLargeException.class).hasMessageContaining("is larger than 1 MB");
        assertThat(simulator.stats().requests()).isOne();
    }

    @Test
    void aPageWithinTheLimitIsParsedAsBefore() {
        context.start();

        Exchange page = get(simulator.baseUrl() + VISITS);

        assertThat(page.getException()).isNull();
        assertThat(page.getMessage().getBody(Map.class)).containsKeys("data", "links");
        assertThat(simulator.stats().bodyBytes()).isGreaterThan(100_000).isLessThan(MB);
    }
}
