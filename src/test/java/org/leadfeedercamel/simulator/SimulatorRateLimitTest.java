package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** N requests per token per calendar window, then the documented 429 until the next window starts. */
class SimulatorRateLimitTest {

    private static final String DOCUMENTED_429 = "{\"errors\":[{\"title\":\"Exceeded the API rate limit of 100 requests per minute. "
            + "Try again later.\",\"links\":{\"about\":\"http://docs.leadfeeder.com/api/#rate-limiting\"}}]}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));

    @Test
    void theHundredAndFirstRequestOfAMinuteGetsTheDocumentedBody() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).clock(clock)
                .token("tok").start()) {
            SimulatorClient client = new SimulatorClient(simulator.baseUrl(), "tok");
            clock.advance(Duration.ofSeconds(59)); // late in the minute: the window is the calendar minute
            for (int i = 0; i < 100; i++) {
                assertThat(client.get("/accounts").status()).isEqualTo(200);
            }

            SimulatorClient.Answer limited = client.get("/accounts");

            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.body()).isEqualTo(DOCUMENTED_429);
            assertThat(limited.header("Retry-After")).isNull();

            clock.advance(Duration.ofSeconds(1)); // the next minute starts
            assertThat(client.get("/accounts").status()).isEqualTo(200);
            assertThat(simulator.stats().withStatus(429)).isEqualTo(1);
        }
    }

    @Test
    void limitAndWindowAreConfigurableAndRetryAfterIsOptional() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).clock(clock)
                .token("a").token("b").requestsPerWindow(5).rateWindow(Duration.ofSeconds(2)).retryAfter(true).start()) {
            SimulatorClient a = new SimulatorClient(simulator.baseUrl(), "a");
            SimulatorClient b = new SimulatorClient(simulator.baseUrl(), "b");
            clock.advance(Duration.ofMillis(500));
            for (int i = 0; i < 5; i++) {
                assertThat(a.get("/accounts").status()).isEqualTo(200);
            }

            SimulatorClient.Answer limited = a.get("/accounts/100001/visits?start_date=2025-04-01&end_date=2025-04-01");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.json().get("errors").get(0).get("title").asText())
                    .isEqualTo("Exceeded the API rate limit of 5 requests per 2 seconds. Try again later.");
            assertThat(limited.header("Retry-After")).isEqualTo("2"); // 1.5 s left, rounded up
            assertThat(b.get("/accounts").status()).as("each token has its own budget").isEqualTo(200);

            clock.advance(Duration.ofMillis(1_500));
            assertThat(a.get("/accounts").status()).isEqualTo(200);
        }
    }

    @Test
    void zeroTurnsTheLimitOff() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).clock(clock)
                .token("tok").requestsPerWindow(0).start()) {
            SimulatorClient client = new SimulatorClient(simulator.baseUrl(), "tok");
            for (int i = 0; i < 250; i++) {
                assertThat(client.get("/accounts").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void unauthenticatedRequestsDoNotSpendATokensBudget() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).clock(clock)
                .token("tok").requestsPerWindow(1).start()) {
            for (int i = 0; i < 3; i++) {
                assertThat(SimulatorClient.anonymous(simulator.baseUrl()).get("/accounts").status()).isEqualTo(401);
            }
            assertThat(new SimulatorClient(simulator.baseUrl(), "tok").get("/accounts").status()).isEqualTo(200);
        }
    }
}
