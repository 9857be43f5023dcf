package org.leadfeedercamel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.leadfeedercamel.reliability.ReliabilityReport;

/** TLS verification stays on: an API presenting a certificate nobody vouches for gets no request through. */
@Tag("reliability")
class TlsRouteTest extends RouteTestSupport {

    private final AtomicInteger answered = new AtomicInteger();
    private final HttpsServer selfSigned = start();

    private HttpsServer start() {
        try {
            Path dir = Files.createTempDirectory("tls");
            Path keystore = dir.resolve("self-signed.p12");
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "api", "-keyalg", "RSA", "-keysize", "2048", "-validity", "1",
                    "-dname", "CN=127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                    "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException(new String(keytool.getInputStream().readAllBytes()));
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (FileInputStream in = new FileInputStream(keystore.toFile())) {
                store.load(in, "changeit".toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, "changeit".toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.createContext("/", http -> {
                answered.incrementAndGet();
                byte[] body = "{\"data\":[]}".getBytes();
                http.sendResponseHeaders(200, body.length);
                http.getResponseBody().write(body);
                http.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected String api() {
        return "https://127.0.0.1:" + selfSigned.getAddress().getPort();
    }

    @Override
    protected Map<String, String> overrides() {
        return Map.of("leadfeeder.http.retries", "0");
    }

    @AfterEach
    void stopServer() {
        selfSigned.stop(0);
    }

    @Test
    void anUntrustedCertificateIsRefused() {
        context.start();
        Exchange exchange = requestTo(api() + "/accounts");

        template.send("direct:leadfeeder-api-get", exchange);

        assertThat(exchange.getException()).isInstanceOf(javax.net.ssl.SSLException.class);
        assertThat(answered).hasValue(0);
        ReliabilityReport.record("Untrusted TLS certificate", "the API presents a self-signed certificate",
                "refused in the handshake (" + exchange.getException().getClass().getSimpleName() + "); no request reached it");
    }
}
