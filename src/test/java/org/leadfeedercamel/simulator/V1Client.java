package org.leadfeedercamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A plain JDK HTTP client for the simulator's unified API ({@code X-Api-Key}) in tests. */
final class V1Client {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String key;

    V1Client(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    SimulatorClient.Answer get(String pathAndQuery) throws IOException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    SimulatorClient.Answer post(String pathAndQuery, String jsonBody) throws IOException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    /** {@code POST /v1/web-visits} for an inclusive window of UTC dates; {@code query} adds parameters. */
    SimulatorClient.Answer webVisits(String accountId, LocalDate from, LocalDate to, String query) throws IOException {
        return post("/v1/web-visits?account_id=" + accountId + query,
                "{\"start_date\":\"" + from + "\",\"end_date\":\"" + to + "\"}");
    }

    SimulatorClient.Answer companies(String accountId, LocalDate from, LocalDate to, String query) throws IOException {
        return get("/v1/web-visits/companies?account_id=" + accountId + "&start_date=" + from + "&end_date=" + to + query);
    }

    /** Every page of a web-visits search at size 100 with companies included, following meta.pagination. */
    List<JsonNode> allWebVisits(String accountId, LocalDate from, LocalDate to) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode body = ok(webVisits(accountId, from, to, "&include=company&page[size]=100&page[num]=" + page));
            body.get("data").forEach(records::add);
            if (page >= body.at("/meta/pagination/page_count").asInt()) {
                return records;
            }
        }
    }

    /** Every company_location row of a window at size 100 with companies included. */
    List<JsonNode> allCompanies(String accountId, LocalDate from, LocalDate to) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode body = ok(companies(accountId, from, to, "&include=company&page[size]=100&page[num]=" + page));
            body.get("data").forEach(rows::add);
            if (page >= body.at("/meta/pagination/page_count").asInt()) {
                return rows;
            }
        }
    }

    private static JsonNode ok(SimulatorClient.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }

    private URI uri(String pathAndQuery) {
        return URI.create(baseUrl + SimulatorClient.brackets(pathAndQuery));
    }

    private SimulatorClient.Answer send(HttpRequest.Builder request) throws IOException {
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new SimulatorClient.Answer(response.statusCode(), response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
