package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadfeedercamel.simulator.SimulatorV1WebVisitsTest.assertError;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The unified API's limits on a hand-moved clock: a token bucket per key (10/s, burst 15) and a monthly quota. */
class SimulatorV1LimitsTest {

    private static final String MESSAGE = "You've exceeded the maximum amount of allowed requests. Please try again later.";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-31T23:59:50Z"));

    @Test
    void aBurstOfFifteenThenTheBucketRefillsAtTenPerSecond() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).clock(clock)
                .apiKey("a").apiKey("b").start()) {
            V1Client a = new V1Client(simulator.baseUrl(), "a");
            for (int i = 0; i < 15; i++) {
                assertThat(a.get("/v1/accounts").status()).isEqualTo(200);
            }
            SimulatorClient.Answer limited = a.get("/v1/accounts");
            assertError(limited, 429, "too_many_requests");
            assertThat(limited.json().at("/errors/0/detail").asText()).isEqualTo(MESSAGE);
            assertThat(limited.header("Retry-After")).isNull();
            assertThat(new V1Client(simulator.baseUrl(), "b").get("/v1/accounts").status())
                    .as("each key has its own bucket").isEqualTo(200);

            clock.advance(Duration.ofMillis(100)); // one token back
            assertThat(a.get("/v1/accounts").status()).isEqualTo(200);
            assertThat(a.get("/v1/accounts").status()).isEqualTo(429);

            clock.advance(Duration.ofSeconds(1)); // ten tokens back, not fifteen
            for (int i = 0; i < 10; i++) {
                assertThat(a.get("/v1/accounts").status()).isEqualTo(200);
            }
            assertThat(a.get("/v1/accounts").status()).isEqualTo(429);
            assertThat(simulator.stats().withStatus(429)).isEqualTo(3);
            assertThat(simulator.stats().rateLimitedArrivals()).hasSize(3);
        }
    }

    @Test
    void rateAndBurstAreConfigurableRetryAfterIsOptionalAndZeroTurnsTheLimitOff() throws Exception {
        try (LeadfeederSimulator slow = LeadfeederSimulator.builder().dataset(TestDatasets.small()).clock(clock)
                .apiKey("k").v1RequestsPerSecond(0.25).v1Burst(2).retryAfter(true).start();
             LeadfeederSimulator unlimited = LeadfeederSimulator.builder().dataset(TestDatasets.small()).clock(clock)
                .apiKey("k").v1RequestsPerSecond(0).start()) {
            V1Client client = new V1Client(slow.baseUrl(), "k");
            assertThat(client.get("/v1/accounts").status()).isEqualTo(200);
            assertThat(client.get("/v1/accounts").status()).isEqualTo(200);
            SimulatorClient.Answer limited = client.get("/v1/accounts");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.header("Retry-After")).isEqualTo("4"); // a token every 4 s
            clock.advance(Duration.ofMillis(2_500));
            assertThat(client.get("/v1/accounts").header("Retry-After")).isEqualTo("2"); // 1.5 s left, rounded up

            V1Client free = new V1Client(unlimited.baseUrl(), "k");
            for (int i = 0; i < 40; i++) {
                assertThat(free.get("/v1/accounts").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void theMonthlyQuotaCountsOnlyRequestsPastAuthAndTheBucketAndStartsOverNextMonth() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).clock(clock)
                .apiKey("k").v1MonthlyQuota(3).v1Burst(2).v1RequestsPerSecond(1).start()) {
            V1Client client = new V1Client(simulator.baseUrl(), "k");
            assertThat(new V1Client(simulator.baseUrl(), "wrong").get("/v1/accounts").status()).isEqualTo(401);
            assertThat(client.get("/v1/accounts").status()).isEqualTo(200);
            assertThat(client.get("/v1/accounts").status()).isEqualTo(200);
            assertThat(client.get("/v1/accounts").status()).as("bucket empty, not counted").isEqualTo(429);
            clock.advance(Duration.ofSeconds(1));

            SimulatorClient.Answer third = client.get("/v1/accounts?account_id=" + TestDatasets.HELSINKI);
            assertThat(third.json().at("/data/0/attributes/credits/available").asInt()).isEqualTo(3);
            assertThat(third.json().at("/data/0/attributes/credits/used").asInt()).isEqualTo(3);
            assertThat(third.json().at("/data/0/attributes/credits/remaining").asInt()).isZero();
            assertThat(third.json().at("/data/0/attributes/credits/next_reset_on").asText()).isEqualTo("2026-02-01");

            clock.advance(Duration.ofSeconds(1));
            assertError(client.get("/v1/accounts"), 429, "quota_exceeded");

            clock.advance(Duration.ofSeconds(10)); // February, UTC
            SimulatorClient.Answer reset = client.get("/v1/accounts?account_id=" + TestDatasets.HELSINKI);
            assertThat(reset.status()).isEqualTo(200);
            assertThat(reset.json().at("/data/0/attributes/credits/used").asInt()).isEqualTo(1);
        }
    }

    @Test
    void docsModeAnswers429WithTheFlatBody() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).clock(clock)
                .apiKey("k").v1Burst(1).v1DocsErrors(true).start()) {
            V1Client client = new V1Client(simulator.baseUrl(), "k");
            assertThat(client.get("/v1/accounts").status()).isEqualTo(200);
            SimulatorClient.Answer limited = client.get("/v1/accounts");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.json().size()).isEqualTo(2);
            assertThat(limited.json().get("code").asText()).isEqualTo("too_many_requests");
            assertThat(limited.json().get("message").asText()).isEqualTo(MESSAGE);
        }
    }
}
