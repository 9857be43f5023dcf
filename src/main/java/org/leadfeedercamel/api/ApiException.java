package org.leadfeedercamel.api;

/** A Leadfeeder API answer the sync cannot use. Messages never carry the token. */
public class ApiException extends RuntimeException {

    public ApiException(String message) {
        super(message);
    }

    public ApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
