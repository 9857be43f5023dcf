package org.leadfeedercamel.simulator.http;

/** How a response reaches the client: whole, or broken the ways real networks break it. */
public enum Delivery {
    /** Headers and the whole body. */
    WHOLE,
    /** Headers announce the whole body; half of it is sent, then the connection is reset (TCP RST). */
    RESET_MIDWAY,
    /** A well-formed response whose body is cut in half: Content-Length matches what is sent. */
    TRUNCATED,
    /**
     * The body with whitespace after its first byte up to {@link SimResponse#paddedLength()} bytes, sent
     * chunked as it is made (no Content-Length), so the server never holds more than a chunk of it.
     */
    PADDED_CHUNKED
}
