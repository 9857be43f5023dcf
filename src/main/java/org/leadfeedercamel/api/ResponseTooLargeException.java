package org.leadfeedercamel.api;

/**
 * An answer larger than {@code leadfeeder.http.max-response-mb}, refused once that much was read (its
 * connection dropped). No real page comes near the limit, and asking again gets the same body, so it is not
 * retried: it fails its page, and with it its account, as a malformed page does; the run ends failed.
 */
public final class ResponseTooLargeException extends ApiException {

    public ResponseTooLargeException(String message) {
        super(message);
    }
}
