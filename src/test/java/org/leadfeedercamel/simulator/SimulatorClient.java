package org.leadfeedercamel.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A plain JDK HTTP client for talking to the simulator over real HTTP in tests. */
final class SimulatorClient {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, HttpResponse<String> response) {
        String body() {
            return response.body();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    SimulatorClient(String baseUrl, String token) {
        this(baseUrl, token, "Token token=" + token);
    }

    private SimulatorClient(String baseUrl, String token, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = token == null ? null : authorization;
    }

    static SimulatorClient withAuthorization(String baseUrl, String authorization) {
        return new SimulatorClient(baseUrl, "", authorization);
    }

    static SimulatorClient anonymous(String baseUrl) {
        return new SimulatorClient(baseUrl, null, null);
    }

    /** GET of a path (with query) or of an absolute URL such as a `links.next`. */
    Answer get(String pathOrUrl) throws IOException {
        return send("GET", pathOrUrl);
    }

    Answer send(String method, String pathOrUrl) throws IOException {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Follows `links.next` from {@code firstPage} to the end, returning every page's document. */
    List<JsonNode> allPages(String firstPage) throws IOException {
        List<JsonNode> pages = new ArrayList<>();
        String next = firstPage;
        while (next != null) {
            Answer answer = get(next);
            if (answer.status() != 200) {
                throw new IllegalStateException("page " + next + " answered " + answer.status() + ": " + answer.body());
            }
            JsonNode page = answer.json();
            pages.add(page);
            JsonNode link = page.path("links").path("next");
            next = link.isTextual() ? link.asText() : null;
        }
        return pages;
    }

    static String brackets(String query) {
        return query.replace("[", "%5B").replace("]", "%5D");
    }
}
