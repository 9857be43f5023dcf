package org.leadfeedercamel.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The locations one run has committed, with the values written. Every visit names its location and a
 * page repeats the locations of its visits, so most of a page's locations were written by an earlier
 * page of the same run: only new or changed ones are upserted again (a fifth of all rows otherwise).
 * Bounded and compact, so a long run's heap does not grow with it: the 5,000 most recently seen
 * locations, each as one string of its values; a location forgotten is simply written again.
 */
public final class WrittenLocations {

    private static final int LIMIT = 5_000;

    private final Map<String, String> written = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > LIMIT;
        }
    };

    /** The location rows not yet written by this run with these values. */
    public synchronized List<Map<String, Object>> unwritten(List<Map<String, Object>> rows) {
        List<Map<String, Object>> unwritten = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            if (!values(row).equals(written.get(key(row)))) {
                unwritten.add(row);
            }
        }
        return unwritten;
    }

    /** Records rows as written, once the transaction that wrote them has committed. */
    public synchronized void committed(List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            written.put(key(row), values(row));
        }
    }

    private static String key(Map<String, Object> row) {
        return row.get("account_id") + "\u0000" + row.get("location_id");
    }

    /** What a later row is compared on: every column but when and by which run it was written. */
    private static String values(Map<String, Object> row) {
        StringBuilder values = new StringBuilder();
        new TreeMap<>(row).forEach((column, value) -> {
            if (!column.equals("_synced_at") && !column.equals("_run_id")) {
                values.append(column).append('=').append(value).append('\u0000');
            }
        });
        return values.toString();
    }
}
