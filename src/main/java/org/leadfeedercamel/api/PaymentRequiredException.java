package org.leadfeedercamel.api;

/** HTTP 402: the account's plan does not include API data; that account is skipped. */
public final class PaymentRequiredException extends ApiException {

    public PaymentRequiredException(String accountId) {
        this(accountId, "HTTP 402");
    }

    /** {@code answer}: what the API said, e.g. {@code HTTP 403 insufficient_entitlements} on /v1. */
    public PaymentRequiredException(String accountId, String answer) {
        super("Leadfeeder account " + accountId + " answered " + answer
                + " (its plan does not include API access to leads and visits); skipped");
    }
}
