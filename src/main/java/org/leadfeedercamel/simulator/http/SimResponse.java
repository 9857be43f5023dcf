package org.leadfeedercamel.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response the server writes; {@link #delivery} and {@link #delayMillis} are how faults are injected. */
public record SimResponse(int status, String contentType, Map<String, String> headers, byte[] body,
        Delivery delivery, long delayMillis) {

    public static final String JSON = "application/json; charset=utf-8";

    public static SimResponse json(int status, byte[] body) {
        return new SimResponse(status, JSON, Map.of(), body, Delivery.WHOLE, 0);
    }

    public static SimResponse text(int status, String contentType, String body) {
        return new SimResponse(status, contentType, Map.of(), body.getBytes(StandardCharsets.UTF_8),
                Delivery.WHOLE, 0);
    }

    public SimResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new SimResponse(status, contentType, Map.copyOf(more), body, delivery, delayMillis);
    }

    public SimResponse deliveredAs(Delivery how) {
        return new SimResponse(status, contentType, headers, body, how, delayMillis);
    }

    public SimResponse delayedBy(long millis) {
        return new SimResponse(status, contentType, headers, body, delivery, millis);
    }
}
