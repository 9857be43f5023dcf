package org.leadfeedercamel.api;

import org.leadfeedercamel.run.SyncWindow;

/**
 * One request to the Leadfeeder API: what to send, and for which window and page (null and 0 for the
 * account list), so an answer can be read in context and a failed run can say where it stopped. The
 * routes hand it to the HTTP step in the exchange property {@link #PROPERTY}, where a retry finds it
 * again whatever the attempt before did to the message.
 */
public record ApiRequest(String url, String method, String body, String accept, SyncWindow window, int page) {

    /** The exchange property holding the request the API routes send. */
    public static final String PROPERTY = "leadfeederRequest";

    /** The account the request reads, or null for requests about the credential (accounts, the API probe). */
    public String accountId() {
        return window == null ? null : window.accountId();
    }

    /** Where a run is when it sends this request, for the run log when it fails there. */
    public String position() {
        return window == null ? "reading the accounts" : "account " + window.accountId() + ", " + window.stream()
                + " window " + window.from() + ".." + window.to() + ", page " + page;
    }
}
