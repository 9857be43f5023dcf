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
    TRUNCATE,
    /**
     * A list page whose {@code links.next} points at the page itself. {@code /v1} has no links: whatever
     * {@code page[num]} asks, it answers page 1 ({@code page_num} 1), as {@code /v1/accounts} ignores paging.
     */
    NEXT_SELF,
    /** A list page whose {@code links.next} points one page back (from page 2 on); {@code /v1} answers page N−1 for page N. */
    NEXT_BACKWARDS,
    /** A list page whose {@code links.next} lies past its {@code links.last}; {@code /v1} reports a {@code page_num} past its {@code page_count}. */
    NEXT_PAST_LAST,
    /**
     * The answer padded with whitespace to {@link FaultSettings#oversizedBytes()} and sent chunked, streamed
     * from a small buffer: a body far larger than any real page (still valid JSON, were it read to its end).
     */
    OVERSIZED;

    /** Whether the fault is a lie in a list page's paging rather than in how the answer is delivered. */
    public boolean paging() {
        return this == NEXT_SELF || this == NEXT_BACKWARDS || this == NEXT_PAST_LAST;
    }
}
