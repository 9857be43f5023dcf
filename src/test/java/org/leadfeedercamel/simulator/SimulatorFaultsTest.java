package org.leadfeedercamel.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.leadfeedercamel.simulator.SimulatorClient.brackets;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.simulator.data.ExpectedRows;

/** Injected faults look on the wire like the real failures they stand for. */
class SimulatorFaultsTest {

    private static final String VISITS = brackets("/accounts/100001/visits?start_date=2025-04-01&end_date=2025-04-30&page[size]=100");

    private LeadfeederSimulator simulator;
    private SimulatorClient client;

    @BeforeEach
    void start() {
        simulator = LeadfeederSimulator.builder().dataset(TestDatasets.small()).token("tok").requestsPerWindow(0).start();
        client = new SimulatorClient(simulator.baseUrl(), "tok");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void serverErrorsComeAsJsonFromTheAppAndHtmlFromTheGateway() throws Exception {
        simulator.faults().injectNext(Fault.SERVER_ERROR, 1);
        simulator.faults().injectNext(Fault.BAD_GATEWAY, 1);
        simulator.faults().injectNext(Fault.SERVICE_UNAVAILABLE, 1);
        simulator.faults().injectNext(Fault.GATEWAY_TIMEOUT, 1);

        SimulatorClient.Answer app = client.get(VISITS);
        assertThat(app.status()).isEqualTo(500);
        assertThat(app.json().get("errors").get(0).get("status").asText()).isEqualTo("500");
        for (int status : new int[] {502, 503, 504}) {
            SimulatorClient.Answer gateway = client.get(VISITS);
            assertThat(gateway.status()).isEqualTo(status);
            assertThat(gateway.header("Content-Type")).startsWith("text/html");
            assertThat(gateway.body()).contains("<title>" + status);
        }
        assertThat(client.get(VISITS).status()).as("faults end when the script does").isEqualTo(200);
    }

    @Test
    void aResetCutsTheConnectionMidBody() throws Exception {
        simulator.faults().injectNext(Fault.RESET, 1);

        try (Socket socket = new Socket("127.0.0.1", simulator.port())) {
            send(socket, VISITS);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int received = 0;
            IOException failure = null;
            try {
                for (int n; (n = in.read(buffer)) != -1; ) {
                    received += n;
                }
            } catch (SocketException e) {
                failure = e;
            }
            assertThat(failure).as("the peer must reset, not close").isNotNull();
            assertThat(failure.getMessage()).containsIgnoringCase("reset");
            assertThat(received).isPositive();
        }
        assertThat(client.get(VISITS).status()).isEqualTo(200);
    }

    @Test
    void aResetFailsAnHttpClientRead() {
        simulator.faults().injectNext(Fault.RESET, 1);

        assertThatThrownBy(() -> client.get(VISITS)).isInstanceOf(IOException.class);
    }

    @Test
    void aTruncatedBodyIsWellFramedButNotJson() throws Exception {
        String whole = client.get(VISITS).body();
        simulator.faults().injectNext(Fault.TRUNCATE, 1);

        SimulatorClient.Answer cut = client.get(VISITS);

        assertThat(cut.status()).isEqualTo(200);
        assertThat(cut.header("Content-Length")).isEqualTo(String.valueOf(cut.body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(cut.body().length()).isLessThan(whole.length());
        assertThat(whole).startsWith(cut.body());
        assertThatThrownBy(cut::json).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void aSlowAnswerIsLateButRight() throws Exception {
        try (LeadfeederSimulator slow = LeadfeederSimulator.builder().dataset(TestDatasets.small()).token("tok")
                .faults(new FaultSettings(1, 0, 0, 300, 0, 0, 0)).start()) {
            slow.faults().injectNext(Fault.SLOW, 1);
            long started = System.nanoTime();

            SimulatorClient.Answer answer = new SimulatorClient(slow.baseUrl(), "tok").get(VISITS);

            assertThat(answer.status()).isEqualTo(200);
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(300);
            assertThat(slow.stats().faults(Fault.SLOW)).isEqualTo(1);
        }
    }

    @Test
    void randomFaultsFollowTheirSeed() throws Exception {
        FaultSettings settings = new FaultSettings(99, 0.2, 0, 0, 0.1, 0.1, 0);
        List<String> first = outcomes(settings);
        List<String> second = outcomes(settings);
        List<String> otherSeed = outcomes(new FaultSettings(100, 0.2, 0, 0, 0.1, 0.1, 0));

        assertThat(first).isEqualTo(second).isNotEqualTo(otherSeed);
        assertThat(first).contains("ok", "reset", "truncated").anyMatch(o -> o.startsWith("5"));
    }

    @Test
    void arrivalsBetweenPagesShiftOffsets() throws Exception {
        try (LeadfeederSimulator arriving = LeadfeederSimulator.builder().dataset(TestDatasets.small()).token("tok")
                .requestsPerWindow(0).faults(new FaultSettings(1, 0, 0, 0, 0, 0, 1)).start()) {
            SimulatorClient c = new SimulatorClient(arriving.baseUrl(), "tok");
            String window = "/accounts/100001/visits?start_date=2025-04-30&end_date=2025-04-30&page[size]=5";
            int before = arriving.dataset().visits("100001", TestDatasets.TO, TestDatasets.TO, 0, 0).total();

            JsonNode page1 = c.get(brackets(window)).json();
            JsonNode page2 = c.get(page1.get("links").get("next").asText()).json();

            // one visit arrived after page 1, so page 2 starts with page 1's last visit again
            assertThat(page2.get("data").get(0).get("id").asText()).isEqualTo(page1.get("data").get(4).get("id").asText());
            int after = arriving.dataset().visits("100001", TestDatasets.TO, TestDatasets.TO, 0, 0).total();
            assertThat(after).isEqualTo(before + 2);
            List<String> expected = new ExpectedRows(arriving.dataset()).visits("100001", TestDatasets.TO, TestDatasets.TO)
                    .stream().map(r -> (String) r.get("visit_id")).toList();
            assertThat(expected).hasSize(after).doesNotHaveDuplicates();
            JsonNode newest = c.get(brackets(window)).json().get("data").get(0);
            assertThat(expected.get(0)).isEqualTo(newest.get("id").asText());
            assertThat(newest.get("attributes").get("date").asText()).isEqualTo("2025-04-30");
        }
    }

    private static List<String> outcomes(FaultSettings settings) throws IOException {
        try (LeadfeederSimulator faulty = LeadfeederSimulator.builder().dataset(TestDatasets.small()).token("tok")
                .requestsPerWindow(0).faults(settings).start()) {
            SimulatorClient c = new SimulatorClient(faulty.baseUrl(), "tok");
            List<String> outcomes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                try {
                    SimulatorClient.Answer answer = c.get("/accounts");
                    if (answer.status() != 200) {
                        outcomes.add(String.valueOf(answer.status()));
                    } else {
                        outcomes.add(answer.body().endsWith("}") ? "ok" : "truncated");
                    }
                } catch (IOException e) {
                    outcomes.add("reset");
                }
            }
            return outcomes;
        }
    }

    private static void send(Socket socket, String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Token token=tok\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
