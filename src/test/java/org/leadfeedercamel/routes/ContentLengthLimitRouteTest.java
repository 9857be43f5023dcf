package org.leadfeedercamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.api.ResponseTooLargeException;
import org.leadfeedercamel.config.SyncSettings;

/** An answer whose Content-Length is past {@code leadfeeder.http.max-response-mb} is refused before its body is read. */
class ContentLengthLimitRouteTest extends RouteTestSupport {

    private static final long MB = 1024 * 1024;

    private final AtomicLong written = new AtomicLong();
    private final HttpServer announcing = announcing(64 * MB);

    @Override
    protected String api() {
        return "http://127.0.0.1:" + announcing.getAddress().getPort();
    }

    @Override
    protected Map<String, String> overrides() {
        return Map.of(SyncSettings.MAX_RESPONSE, "1");
    }

    @AfterEach
    void stopServer() {
        announcing.stop(0);
    }

    @Test
    void aContentLengthPastTheLimitIsRefusedBeforeTheBodyIsRead() {
        context.start();

        Exchange refused = template.send("direct:leadfeeder-api-get", requestTo(api() + "/accounts"));

        assertThat(refused.getException()).isInstanceOf(ResponseTooLargeException.class).hasMessage("The answer to GET " + api()
                + "/accounts is larger than 1 MB (leadfeeder.http.max-response-mb): Content-Length 64 MB; refused there, and not asked again");
        assertThat(written.get()).as("bytes the server could write before the connection was dropped").isLessThan(48 * MB);
    }

    /** A server whose answer announces {@code length} bytes of JSON and sends them, counting what it could write. */
    private HttpServer announcing(long length) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", http -> {
                http.getResponseHeaders().add("Content-Type", "application/json");
                http.sendResponseHeaders(200, length);
                try (OutputStream out = http.getResponseBody()) {
                    byte[] spaces = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                    spaces[0] = '{';
                    for (long left = length - 1; left > 0; left -= spaces.length) {
                        out.write(spaces, 0, (int) Math.min(left, spaces.length));
                        written.addAndGet(Math.min(left, spaces.length));
                        spaces[0] = ' ';
                    }
                    out.write('}');
                } catch (IOException gone) {
                    // the client dropped the connection, as it should
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
