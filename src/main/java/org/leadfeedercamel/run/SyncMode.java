package org.leadfeedercamel.run;

/** What a run reads and whether it moves the incremental state. */
public enum SyncMode {
    /** From the state (or the start date) through today, re-reading the lookback days; marks windows. */
    INCREMENTAL,
    /** A given date range, re-read without marking anything: the incremental state stays as it was. */
    BACKFILL
}
