package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadfeedercamel.simulator.SimulatorClient.brackets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hostile server's faults: paging that lies, on either API, and a body no real page comes near. */
class SimulatorHostileFaultsTest {

    private static final String WINDOW = "/accounts/100001/visits?start_date=2025-04-01&end_date=2025-04-30&page[size]=100";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LeadfeederSimulator simulator;
    private SimulatorClient classic;
    private V1Client v1;

    @BeforeEach
    void start() {
        simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).token("tok").apiKey("key")
                .requestsPerWindow(0).v1RequestsPerSecond(0).start();
        classic = new SimulatorClient(simulator.baseUrl(), "tok");
        v1 = new V1Client(simulator.baseUrl(), "key");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aSelfLinkingNextPointsAtThePageItselfOnEveryPage() throws Exception {
        simulator.faults().injectAlways(Fault.NEXT_SELF);

        JsonNode page = classic.get(brackets(WINDOW + "&page[number]=2")).json();
        JsonNode again = classic.get(page.at("/links/next").asText()).json();

        assertThat(page.at("/links/next").asText()).isEqualTo(page.at("/links/self").asText());
        assertThat(again.at("/links/next").asText()).isEqualTo(page.at("/links/self").asText());
        assertThat(again.get("data")).isEqualTo(page.get("data"));
        assertThat(simulator.stats().faults(Fault.NEXT_SELF)).isEqualTo(2);
    }

    @Test
    void aBackwardsNextLeadsFromPageTwoBackToPageOne() throws Exception {
        simulator.faults().injectAlways(Fault.NEXT_BACKWARDS);

        JsonNode first = classic.get(brackets(WINDOW + "&page[number]=1")).json();
        JsonNode second = classic.get(first.at("/links/next").asText()).json();

        assertThat(pageNumber(first.at("/links/next").asText())).as("page 1 has no page before it").isEqualTo(2);
        assertThat(pageNumber(second.at("/links/next").asText())).isEqualTo(1);
    }

    @Test
    void aNextPastLastPointsBeyondTheLastLink() throws Exception {
        int last = pageNumber(classic.get(brackets(WINDOW)).json().at("/links/last").asText());
        simulator.faults().injectNext(Fault.NEXT_PAST_LAST, 1);

        JsonNode page = classic.get(brackets(WINDOW)).json();

        assertThat(last).isGreaterThan(2);
        assertThat(pageNumber(page.at("/links/last").asText())).isEqualTo(last);
        assertThat(pageNumber(page.at("/links/next").asText())).isEqualTo(last + 1);
        assertThat(pageNumber(classic.get(brackets(WINDOW)).json().at("/links/next").asText())).as("one page only").isEqualTo(2);
    }

    @Test
    void onV1TheSamePagingLiesShowInThePageNumberAnswered() throws Exception {
        JsonNode honestFirst = v1Page(1);
        JsonNode honestSecond = v1Page(2);
        int pageCount = honestFirst.at("/meta/pagination/page_count").asInt();
        assertThat(pageCount).isGreaterThan(3);

        simulator.faults().injectNext(Fault.NEXT_SELF, 1);
        JsonNode self = v1Page(3);
        simulator.faults().injectNext(Fault.NEXT_BACKWARDS, 1);
        JsonNode backwards = v1Page(3);
        simulator.faults().injectNext(Fault.NEXT_PAST_LAST, 1);
        JsonNode pastLast = v1Page(2);

        assertThat(self.at("/meta/pagination/page_num").asInt()).isEqualTo(1);
        assertThat(self.get("data")).as("page 1, whatever page[num] asked").isEqualTo(honestFirst.get("data"));
        assertThat(backwards.at("/meta/pagination/page_num").asInt()).isEqualTo(2);
        assertThat(backwards.get("data")).isEqualTo(honestSecond.get("data"));
        assertThat(pastLast.at("/meta/pagination/page_num").asInt()).isEqualTo(pageCount + 1);
        assertThat(pastLast.at("/meta/pagination/page_count").asInt()).isEqualTo(pageCount);
        assertThat(pastLast.get("data")).isEqualTo(honestSecond.get("data"));
    }

    @Test
    void anOversizedBodyIsTheSamePagePaddedToItsSizeAndSentChunked() throws Exception {
        long size = 8L * 1024 * 1024;
        try (LeadfeederSimulator padded = LeadfeederSimulator.builder().dataset(TestDatasets.small()).token("tok")
                .requestsPerWindow(0).faults(FaultSettings.none().withOversizedBytes(size)).start()) {
            SimulatorClient.Answer honest = new SimulatorClient(padded.baseUrl(), "tok").get(brackets(WINDOW));
            JsonNode page = honest.json();
            padded.faults().injectNext(Fault.OVERSIZED, 1);

            HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(padded.baseUrl()
                    + brackets(WINDOW))).header("Authorization", "Token token=tok").build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Length")).isEmpty();
            assertThat((long) answer.body().length).isEqualTo(size);
            assertThat(JSON.readTree(answer.body())).isEqualTo(page);
            assertThat(padded.stats().faults(Fault.OVERSIZED)).isEqualTo(1);
            assertThat(padded.stats().bodyBytes()).as("both bodies, as written").isEqualTo(honest.body().getBytes(StandardCharsets.UTF_8).length + size);
        }
    }

    @Test
    void aClientThatStopsReadingAnOversizedBodyLeavesTheSimulatorServing() throws Exception {
        simulator.faults().injectNext(Fault.OVERSIZED, 1); // 400 MB

        Map<String, String> head;
        try (Socket socket = new Socket("127.0.0.1", simulator.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + brackets(WINDOW) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token token=tok\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            head = head(in);
            assertThat(in.readNBytes(1024 * 1024)).hasSize(1024 * 1024);
        }

        assertThat(head).containsEntry("transfer-encoding", "chunked").doesNotContainKey("content-length");
        assertThat(classic.get(brackets(WINDOW)).status()).isEqualTo(200);
    }

    private JsonNode v1Page(int number) throws IOException {
        return v1.webVisits(TestDatasets.HELSINKI, TestDatasets.FROM, TestDatasets.TO, "&page[size]=100&page[num]=" + number).json();
    }

    private static int pageNumber(String url) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith("page%5Bnumber%5D=")) {
                return Integer.parseInt(pair.substring(pair.indexOf('=') + 1));
            }
        }
        throw new AssertionError("no page number in " + url);
    }

    private static Map<String, String> head(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) != -1; ) {
            if (b == '\n') {
                String text = line.toString().strip();
                if (text.isEmpty()) {
                    return headers;
                }
                int colon = text.indexOf(':');
                if (colon > 0) {
                    headers.put(text.substring(0, colon).toLowerCase(Locale.ROOT), text.substring(colon + 1).strip());
                }
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
        throw new IOException("the head ended early");
    }
}
