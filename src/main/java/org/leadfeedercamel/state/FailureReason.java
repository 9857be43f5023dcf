package org.leadfeedercamel.state;

import org.leadfeedercamel.api.ApiException;

/** The one line a failure gets in the run log and the summary. */
public final class FailureReason {

    private FailureReason() {
    }

    /**
     * The message of the failure that matters: Camel wraps it (split, multicast) on its way up, so the
     * first of our own API exceptions in the chain, or else the innermost cause, says what happened.
     */
    public static String of(Throwable cause) {
        if (cause == null) {
            return "unknown error";
        }
        Throwable innermost = cause;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ApiException) {
                return t.getMessage();
            }
            innermost = t;
        }
        String message = innermost.getMessage();
        return innermost.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    /** Whether {@code type} is anywhere in the chain of {@code cause}. */
    public static boolean causedBy(Throwable cause, Class<? extends Throwable> type) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
