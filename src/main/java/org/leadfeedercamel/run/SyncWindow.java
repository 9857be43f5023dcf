package org.leadfeedercamel.run;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A date window of one account and stream, inclusive at both ends, on account-local dates. */
public record SyncWindow(String accountId, String stream, LocalDate from, LocalDate to) {

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The older and the newer half; a window of one day cannot be split. */
    public SyncWindow[] halves() {
        LocalDate lastOfFirst = from.plusDays(days() / 2 - 1);
        return new SyncWindow[] {new SyncWindow(accountId, stream, from, lastOfFirst),
            new SyncWindow(accountId, stream, lastOfFirst.plusDays(1), to)};
    }

    /** Its key in the idempotent repository of completed windows. */
    public String key() {
        return from + ".." + to;
    }

    @Override
    public String toString() {
        return accountId + " " + stream + " " + from + ".." + to;
    }
}
