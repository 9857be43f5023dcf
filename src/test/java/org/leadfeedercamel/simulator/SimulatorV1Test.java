package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulator's unified API ({@code /v1}, {@code X-Api-Key}) over real HTTP: keys, error shapes, accounts. */
class SimulatorV1Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);
    private final HttpClient http = HttpClient.newHttpClient();

    private record Answer(int status, HttpResponse<String> response, JsonNode json) {
    }

    private Answer get(LeadfeederSimulator simulator, String path, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path));
        if (header != null) {
            request.header(header, value);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response, JSON.readTree(response.body()));
    }

    @Test
    void aMissingOrWrongKeyGetsTheLiveEnvelopeOrTheDocsShape() throws Exception {
        try (LeadfeederSimulator live = LeadfeederSimulator.builder().clock(CLOCK).apiKey("key-1").start();
             LeadfeederSimulator docs = LeadfeederSimulator.builder().clock(CLOCK).apiKey("key-1").v1DocsErrors(true).start()) {
            Answer missing = get(live, "/v1/accounts", null, null);
            assertThat(missing.status()).isEqualTo(401);
            assertThat(missing.json().at("/errors/0/code").asText()).isEqualTo("missing_token");
            assertThat(missing.json().at("/error/code").asText()).isEqualTo("missing_token");
            assertThat(missing.json().at("/meta/request_id").asText()).hasSize(36);
            // a classic token header alone is no key
            assertThat(get(live, "/v1/accounts", "Authorization", "Token token=" + LeadfeederSimulator.DEFAULT_TOKEN).json().at("/errors/0/code").asText())
                    .isEqualTo("missing_token");
            Answer wrong = get(live, "/v1/accounts", "x-api-key", "nope");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().at("/errors/0/code").asText()).isEqualTo("invalid_api_key");

            Answer flat = get(docs, "/v1/accounts", "X-Api-Key", "nope");
            assertThat(flat.status()).isEqualTo(403);
            assertThat(flat.json().get("code").asText()).isEqualTo("invalid_api_key");
            assertThat(flat.json().get("message").asText()).startsWith("The provided API key is invalid");
        }
    }

    @Test
    void accountsAreListedWholeAndOneAccountCarriesItsCredits() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().clock(CLOCK).apiKey("key-1")
                .apiKey("key-2", Set.of("100002")).token("key-1").start()) {
            Answer all = get(simulator, "/v1/accounts?page%5Bnum%5D=2", "X-Api-Key", "key-1");
            assertThat(all.status()).isEqualTo(200);
            assertThat(all.json().get("data")).hasSize(2); // not paginated: page parameters are ignored
            assertThat(all.json().at("/data/0/type").asText()).isEqualTo("account_summary");
            assertThat(all.json().at("/data/0/id").asText()).isEqualTo("100001");
            assertThat(all.json().at("/data/0/attributes/name").asText())
                    .isEqualTo(simulator.dataset().accounts().get(0).name());
            assertThat(all.json().has("links")).isFalse();

            Answer one = get(simulator, "/v1/accounts?account_id=100001", "X-Api-Key", "key-1");
            assertThat(one.json().get("data")).hasSize(1);
            assertThat(one.json().at("/data/0/type").asText()).isEqualTo("account");
            assertThat(one.json().at("/data/0/attributes/credits/available").asInt()).isEqualTo(100_000);
            assertThat(one.json().at("/data/0/attributes/credits/used").asInt()).isEqualTo(2); // this key's requests this month
            assertThat(one.json().at("/data/0/attributes/credits/remaining").asInt()).isEqualTo(99_998);
            assertThat(one.json().at("/data/0/attributes/credits/next_reset_on").asText()).isEqualTo("2026-12-01");

            assertThat(get(simulator, "/v1/accounts", "X-Api-Key", "key-2").json().get("data")).hasSize(1);
            Answer hidden = get(simulator, "/v1/accounts?account_id=100001", "X-Api-Key", "key-2");
            assertThat(hidden.status()).isEqualTo(403);
            assertThat(hidden.json().at("/errors/0/code").asText()).isEqualTo("forbidden");
            assertThat(get(simulator, "/v1/nothing-here", "X-Api-Key", "key-1").status()).isEqualTo(404);

            // the classic API beside it is untouched (its token happens to be spelled like a key here)
            assertThat(http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/accounts"))
                    .header("Authorization", "Token token=key-1").build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void keysAndClassicTokensAreSeparateCredentials() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().clock(CLOCK).token("tok").apiKey("key").start()) {
            Answer tokenAsKey = get(simulator, "/v1/accounts", "X-Api-Key", "tok");
            assertThat(tokenAsKey.status()).isEqualTo(401);
            assertThat(tokenAsKey.json().at("/errors/0/code").asText()).isEqualTo("invalid_api_key");
            assertThat(get(simulator, "/v1/accounts", "X-Api-Key", "key").status()).isEqualTo(200);

            HttpResponse<String> keyAsToken = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/accounts"))
                    .header("Authorization", "Token token=key").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(keyAsToken.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void withoutConfiguredKeysTheDemoKeySeesEveryAccountAndTheDemoTokenIsNoKey() throws Exception {
        try (LeadfeederSimulator simulator = LeadfeederSimulator.builder().clock(CLOCK).start()) {
            assertThat(get(simulator, "/v1/accounts", "X-Api-Key", LeadfeederSimulator.DEFAULT_API_KEY).json().get("data"))
                    .hasSize(simulator.dataset().accounts().size());
            assertThat(get(simulator, "/v1/accounts", "X-Api-Key", LeadfeederSimulator.DEFAULT_TOKEN).status()).isEqualTo(401);
        }
    }
}
