package org.leadfeedercamel.api;

/**
 * HTTP 416 {@code offset_exceeded} on {@code /v1}: the page lies past the 10,000 results one search can
 * reach. The window route answers it by reading the window again in halves.
 */
public final class OffsetExceededException extends ApiException {

    public OffsetExceededException(String message) {
        super(message);
    }
}
