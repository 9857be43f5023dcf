package org.leadfeedercamel.run;

/** A run asked to stop (a signal, its CamelContext stopping) ends with this, at a page boundary or in a wait. */
public final class SyncStoppedException extends RuntimeException {

    public SyncStoppedException(String reason) {
        super("stopped: " + reason);
    }
}
