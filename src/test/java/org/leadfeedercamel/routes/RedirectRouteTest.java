package org.leadfeedercamel.routes;

import org.leadfeedercamel.reliability.ReliabilityReport;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.api.FatalApiException;
import org.leadfeedercamel.simulator.LeadfeederSimulator;

/** An API that answers with a redirect is not followed: the token would travel to wherever it points. */
@Tag("reliability")
class RedirectRouteTest extends RouteTestSupport {

    private final LeadfeederSimulator elsewhere = LeadfeederSimulator.builder().token("route-test-token").requestsPerWindow(0).start();
    private final HttpServer redirecting = redirectingTo(elsewhere.baseUrl());

    private static HttpServer redirectingTo(String target) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", http -> {
                http.getResponseHeaders().add("Location", target + http.getRequestURI());
                http.sendResponseHeaders(302, -1);
                http.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected String api() {
        return "http://127.0.0.1:" + redirecting.getAddress().getPort();
    }

    @AfterEach
    void stopServers() {
        redirecting.stop(0);
        elsewhere.close();
    }

    @Test
    void aRedirectIsRefusedNotFollowed() {
        context.start();
        Exchange exchange = requestTo(api() + "/accounts");

        template.send("direct:leadfeeder-api-get", exchange);

        assertThat(exchange.getException()).isInstanceOf(FatalApiException.class).hasMessageContaining("HTTP 302");
        assertThat(elsewhere.stats().requests()).as("the redirect target was never called").isZero();
        ReliabilityReport.record("Redirect", "the API answers 302 pointing at another server", "refused as HTTP 302; the other server received 0 requests");
    }
}
