package org.leadfeedercamel.sql;

import org.leadfeedercamel.config.Instance;

/**
 * The names of one sync's tables in a warehouse: its data tables ({@code <data prefix>visits}, ...) and
 * its state ({@code <state prefix>sync_runs}, {@code completed_windows}, {@code rejected_records},
 * {@code sync_lock}). The default instance keeps the warehouse-wide {@code leadfeeder_} state it always
 * had (one state for every prefix, told apart by prefix inside); a named instance keeps its state under
 * its own table prefix, so two instances in one schema never share it.
 */
public record Tables(String dataPrefix, String statePrefix) {

    /** The state prefix of the default instance. */
    public static final String SHARED_STATE = "leadfeeder_";

    /** The default instance's tables: data under {@code dataPrefix}, the shared {@code leadfeeder_} state. */
    public static Tables shared(String dataPrefix) {
        return new Tables(dataPrefix, SHARED_STATE);
    }

    /** A named instance's tables: data and state under its own prefix. */
    public static Tables own(String prefix) {
        return new Tables(prefix, prefix);
    }

    /** The tables of an instance: the default one's state is shared, a named one's its own. */
    public static Tables of(Instance instance) {
        String prefix = instance.settings().warehouse().tablePrefix();
        return instance.isDefault() ? shared(prefix) : own(prefix);
    }

    /** Whether the state is the default instance's, shared by the prefixes it ever synced. */
    public boolean sharedState() {
        return SHARED_STATE.equals(statePrefix);
    }

    /** A state table's name, e.g. {@code leadfeeder_sync_runs}. */
    public String state(String table) {
        return statePrefix + table;
    }

    /**
     * The name of the run lock: the default instance's keeps the name every earlier version took (so an
     * older process on the same warehouse still waits for a newer one); a named instance's is its own.
     */
    public String lockName() {
        return sharedState() ? "leadfeeder-sync" : "leadfeeder-sync:" + statePrefix;
    }
}
