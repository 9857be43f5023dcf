package org.leadfeedercamel.api;

/** Stops the sync at once, no retries: the credentials are refused, or a request is wrong. */
public class FatalApiException extends ApiException {

    public FatalApiException(String message) {
        super(message);
    }
}
