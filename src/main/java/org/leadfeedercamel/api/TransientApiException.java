package org.leadfeedercamel.api;

/** Worth retrying: 5xx, a malformed or cut-off body. I/O errors are retried the same way. */
public final class TransientApiException extends ApiException {

    public TransientApiException(String message) {
        super(message);
    }

    public TransientApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
