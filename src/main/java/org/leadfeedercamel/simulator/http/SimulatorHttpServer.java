package org.leadfeedercamel.simulator.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP/1.1 server (keep-alive, Content-Length bodies; chunked only for oversized ones) written for the simulator rather than
 * taken from a library, because a faithful fault needs the raw socket: a reset mid-body is a TCP RST,
 * which neither the JDK server nor the usual frameworks let a handler send.
 */
public final class SimulatorHttpServer implements AutoCloseable {

    /** Answers one request. Thrown exceptions become a 500. */
    @FunctionalInterface
    public interface Handler {
        SimResponse handle(SimRequest request);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorHttpServer.class);
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final int IDLE_TIMEOUT_MS = 30_000;
    private static final int PADDING_CHUNK_BYTES = 64 * 1024;

    private final ServerSocket serverSocket;
    private final Handler handler;
    private final LongConsumer bodyBytes;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean closed;

    private SimulatorHttpServer(ServerSocket serverSocket, Handler handler, LongConsumer bodyBytes) {
        this.serverSocket = serverSocket;
        this.handler = handler;
        this.bodyBytes = bodyBytes;
        AtomicInteger threads = new AtomicInteger();
        this.connections = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "simulator-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "simulator-http-accept");
        this.acceptor.setDaemon(true);
    }

    /** Binds {@code host:port} (port 0 picks a free one) and starts serving. */
    public static SimulatorHttpServer start(String host, int port, Handler handler) throws IOException {
        return start(host, port, handler, bytes -> { });
    }

    /** As {@link #start(String, int, Handler)}, telling {@code bodyBytes} how many body bytes each write put on the wire. */
    public static SimulatorHttpServer start(String host, int port, Handler handler, LongConsumer bodyBytes) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 128);
        SimulatorHttpServer server = new SimulatorHttpServer(socket, handler, bodyBytes);
        server.acceptor.start();
        return server;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public String host() {
        return serverSocket.getInetAddress().getHostAddress();
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        connections.shutdownNow();
        try {
            connections.awaitTermination(5, TimeUnit.SECONDS);
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(IDLE_TIMEOUT_MS);
                open.add(socket);
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Simulator could not accept a connection: {}", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (!closed) {
                ParsedRequest parsed = readRequest(in);
                if (parsed == null) {
                    return;
                }
                SimResponse response;
                if (parsed.error != null) {
                    response = SimResponse.text(400, "text/plain; charset=utf-8", parsed.error + "\n");
                } else {
                    response = safely(parsed.request);
                }
                boolean keepAlive = parsed.keepAlive && response.delivery() == Delivery.WHOLE && parsed.error == null;
                if (!write(socket, out, response, keepAlive)) {
                    return;
                }
                if (!keepAlive) {
                    return;
                }
            }
        } catch (SocketTimeoutException | SocketException e) {
            // idle keep-alive connection timed out, or the client went away
        } catch (IOException e) {
            LOG.debug("Simulator connection ended: {}", e.getMessage());
        } finally {
            open.remove(socket);
        }
    }

    private SimResponse safely(SimRequest request) {
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            LOG.error("Simulator handler failed on {} {}", request.method(), request.path(), e);
            return SimResponse.json(500,
                    "{\"errors\":[{\"status\":\"500\",\"title\":\"Internal Server Error\"}]}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Writes the response; false when the connection was deliberately broken. */
    private boolean write(Socket socket, OutputStream out, SimResponse response, boolean keepAlive) throws IOException {
        if (response.delayMillis() > 0) {
            try {
                Thread.sleep(response.delayMillis()); // the injected slowness itself, not synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        byte[] body = response.body();
        if (response.delivery() == Delivery.PADDED_CHUNKED) {
            writeHead(out, response, "Transfer-Encoding: chunked", keepAlive);
            writePaddedChunks(out, body, response.paddedLength());
            return true;
        }
        int sent = response.delivery() == Delivery.WHOLE ? body.length : body.length / 2; // reset or truncated: half
        int announced = response.delivery() == Delivery.RESET_MIDWAY ? body.length : sent;
        writeHead(out, response, "Content-Length: " + announced, keepAlive);
        out.write(body, 0, sent);
        out.flush();
        bodyBytes.accept(sent);
        if (response.delivery() == Delivery.RESET_MIDWAY) {
            socket.setSoLinger(true, 0); // close now sends RST instead of FIN
            socket.close();
            return false;
        }
        return true;
    }

    private static void writeHead(OutputStream out, SimResponse response, String framing, boolean keepAlive) throws IOException {
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n")
                .append("Content-Type: ").append(response.contentType()).append("\r\n")
                .append(framing).append("\r\n")
                .append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n");
        response.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * The body's first byte, then whitespace chunks until the body would reach {@code length}, then the rest
     * of it: valid JSON for an object body, of any size, from one buffer. A client that stops reading ends
     * it with a broken pipe.
     */
    private void writePaddedChunks(OutputStream out, byte[] body, long length) throws IOException {
        writeChunk(out, body, 0, Math.min(1, body.length));
        byte[] padding = new byte[PADDING_CHUNK_BYTES];
        Arrays.fill(padding, (byte) ' ');
        for (long left = length - body.length; left > 0; left -= padding.length) {
            writeChunk(out, padding, 0, (int) Math.min(left, padding.length));
        }
        writeChunk(out, body, Math.min(1, body.length), body.length - Math.min(1, body.length));
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private void writeChunk(OutputStream out, byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return; // an empty chunk would end the body
        }
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes, offset, length);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        bodyBytes.accept(length);
    }

    private static final class ParsedRequest {
        SimRequest request;
        boolean keepAlive;
        String error;
    }

    /** Reads one request; null at a clean end of the connection. */
    private static ParsedRequest readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in, new int[] {0});
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in, new int[] {0}); // tolerate stray CRLF between requests
        }
        if (requestLine == null) {
            return null;
        }
        ParsedRequest parsed = new ParsedRequest();
        int[] headBytes = {requestLine.length()};
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while ((line = readLine(in, headBytes)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        if (line == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            parsed.error = "Malformed request line";
            return parsed;
        }
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        parsed.keepAlive = parts[2].equals("HTTP/1.1") ? !connection.contains("close") : connection.contains("keep-alive");
        byte[] body = new byte[0];
        String length = headers.get("content-length");
        if (length != null) {
            int size;
            try {
                size = Integer.parseInt(length);
            } catch (NumberFormatException e) {
                parsed.error = "Bad Content-Length";
                return parsed;
            }
            if (size < 0 || size > MAX_BODY_BYTES) {
                parsed.error = "Request body too large";
                return parsed;
            }
            body = in.readNBytes(size);
        } else if (headers.containsKey("transfer-encoding")) {
            parsed.error = "Chunked request bodies are not supported";
            return parsed;
        }
        String target = parts[1];
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        try {
            Map<String, String> query = question < 0 ? Map.of() : decodeQuery(target.substring(question + 1));
            parsed.request = new SimRequest(parts[0], URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8),
                    query, headers, body);
        } catch (IllegalArgumentException e) {
            parsed.error = "Malformed percent-encoding in the request target";
        }
        return parsed;
    }

    private static Map<String, String> decodeQuery(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String readLine(InputStream in, int[] headBytes) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            if (++headBytes[0] > MAX_HEAD_BYTES) {
                throw new IOException("request head over " + MAX_HEAD_BYTES + " bytes");
            }
        }
        return null;
    }

    /** The standard reason phrase, also used as the title of JSON:API errors. */
    public static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
