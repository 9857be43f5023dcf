package org.leadfeedercamel.api;

/** HTTP 402: the account's plan does not include API data; that account is skipped. */
public final class PaymentRequiredException extends ApiException {

    public PaymentRequiredException(String accountId) {
        super("Leadfeeder account " + accountId + " answered HTTP 402 (its plan does not include API access to leads and visits); skipped");
    }
}
