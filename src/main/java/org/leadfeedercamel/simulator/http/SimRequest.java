package org.leadfeedercamel.simulator.http;

import java.util.Map;

/**
 * A request as the simulator's handlers see it.
 *
 * @param query   decoded query parameters in arrival order (a repeated key keeps its last value)
 * @param headers header values by lower-case name
 */
public record SimRequest(String method, String path, Map<String, String> query, Map<String, String> headers,
        byte[] body) {

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
