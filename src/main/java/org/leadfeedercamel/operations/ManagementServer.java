package org.leadfeedercamel.operations;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;

/**
 * Camel's management server, where {@code run} serves health and metrics. Camel only logs a warning
 * when its port is taken and goes on without it, which would leave a sync running that no probe sees;
 * so the port is claimed before Camel starts, and the address it then listens on is the one logged.
 */
public final class ManagementServer {

    private ManagementServer() {
    }

    /** One line naming the key when {@code host:port} is already taken (port 0 picks a free one). */
    public static void requireFree(String host, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("the management server (health and metrics) cannot listen on " + host + ":" + port
                    + " (" + e.getMessage() + "): another process holds it; give this one another port (-Dcamel.management.port=...)");
        }
    }

    /** The base URL the started server listens on, with the port it bound ({@code http://127.0.0.1:9876}); null when off. */
    public static String listening(CamelContext context, String host) {
        Set<VertxPlatformHttpServer> servers = context.hasServices(VertxPlatformHttpServer.class);
        if (servers.isEmpty() || servers.iterator().next().getServer() == null) {
            return null;
        }
        return "http://" + host + ":" + servers.iterator().next().getServer().actualPort();
    }
}
