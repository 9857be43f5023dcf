package org.leadfeedercamel.simulator;

/** A failure the simulator can inject into a response that would otherwise succeed. */
public enum Fault {
    /** 500 with a JSON:API error body. */
    SERVER_ERROR,
    /** 502 with an HTML body, as a load balancer sends it. */
    BAD_GATEWAY,
    /** 503 with an HTML body. */
    SERVICE_UNAVAILABLE,
    /** 504 with an HTML body. */
    GATEWAY_TIMEOUT,
    /** The right answer, late. */
    SLOW,
    /** Half the body, then a TCP reset. */
    RESET,
    /** A complete HTTP response whose JSON body is cut in half. */
    TRUNCATE
}
