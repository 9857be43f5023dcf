package org.leadfeedercamel.api;

/** The API refused the credential itself (HTTP 401, or 403 with an authentication code): nothing can be read with it. */
public final class CredentialRefusedException extends FatalApiException {

    public CredentialRefusedException(String message) {
        super(message);
    }
}
