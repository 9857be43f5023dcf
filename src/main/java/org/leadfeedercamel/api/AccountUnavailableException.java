package org.leadfeedercamel.api;

/** An account the API cannot serve (unknown to it, or not this token's): an error for that account only; the others go on. */
public final class AccountUnavailableException extends ApiException {

    public AccountUnavailableException(String message) {
        super(message);
    }
}
