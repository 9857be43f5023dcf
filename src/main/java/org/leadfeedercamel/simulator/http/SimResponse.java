package org.leadfeedercamel.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response the server writes; {@link #delivery}, {@link #delayMillis} and {@link #paddedLength} are how
 * faults are injected.
 *
 * @param paddedLength the bytes a {@link Delivery#PADDED_CHUNKED} body is padded to; 0 otherwise
 */
public record SimResponse(int status, String contentType, Map<String, String> headers, byte[] body,
        Delivery delivery, long delayMillis, long paddedLength) {

    public static final String JSON = "application/json; charset=utf-8";

    public static SimResponse json(int status, byte[] body) {
        return new SimResponse(status, JSON, Map.of(), body, Delivery.WHOLE, 0, 0);
    }

    public static SimResponse text(int status, String contentType, String body) {
        return new SimResponse(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8),
                Delivery.WHOLE, 0, 0);
    }

    public SimResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SimResponse(status, contentType, Map.copyOf(more), body, delivery, delayMillis, paddedLength);
    }

    public SimResponse deliveredAs(Delivery how) {
        return new SimResponse(status, contentType, headers, body, how, delayMillis, paddedLength);
    }

    public SimResponse delayedBy(long millis) {
        return new SimResponse(status, contentType, headers, body, delivery, millis, paddedLength);
    }

    /** The same answer padded with whitespace to {@code bytes} (at least its own length) and sent chunked. */
    public SimResponse paddedTo(long bytes) {
        return new SimResponse(status, contentType, headers, body, Delivery.PADDED_CHUNKED, delayMillis, Math.max(bytes, body.length));
    }
}
