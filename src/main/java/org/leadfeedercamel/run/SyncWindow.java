package org.leadfeedercamel.run;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** A date window of one account and stream, inclusive at both ends, on account-local dates. */
public record SyncWindow(String accountId, String stream, LocalDate from, LocalDate to) {

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    /**
     * The window as {@code n} consecutive windows, oldest first, of as equal a number of days as there are
     * (the later ones a day longer when they cannot be equal); no more than one a day.
     */
    public List<SyncWindow> parts(int n) {
        long days = days();
        long count = Math.max(1, Math.min(n, days));
        List<SyncWindow> parts = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            parts.add(new SyncWindow(accountId, stream, from.plusDays(i * days / count), from.plusDays((i + 1) * days / count - 1)));
        }
        return parts;
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
