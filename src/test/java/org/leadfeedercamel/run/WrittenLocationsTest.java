package org.leadfeedercamel.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WrittenLocationsTest {

    private static Map<String, Object> location(String account, String id, String city, String runId) {
        Map<String, Object> row = new HashMap<>();
        row.put("account_id", account);
        row.put("location_id", id);
        row.put("city", city);
        row.put("_synced_at", runId + "-time");
        row.put("_run_id", runId);
        return row;
    }

    @Test
    void aLocationCommittedWithTheSameValuesIsNotWrittenAgain() {
        WrittenLocations written = new WrittenLocations();
        List<Map<String, Object>> first = List.of(location("1", "loc-1", "Espoo", "a"), location("1", "loc-2", "Oulu", "a"));
        assertThat(written.unwritten(first)).isEqualTo(first);
        written.committed(first);

        // the same values again later in the run (another _synced_at) are skipped; changed values and another account are written
        Map<String, Object> changed = location("1", "loc-2", "Tampere", "a");
        Map<String, Object> otherAccount = location("2", "loc-1", "Espoo", "a");
        assertThat(written.unwritten(List.of(location("1", "loc-1", "Espoo", "b"), changed, otherAccount)))
                .containsExactly(changed, otherAccount);
    }

    @Test
    void rowsAreOnlySkippedOnceTheirTransactionCommitted() {
        WrittenLocations written = new WrittenLocations();
        List<Map<String, Object>> page = List.of(location("1", "loc-1", "Espoo", "a"));
        assertThat(written.unwritten(page)).hasSize(1);
        // the page's transaction rolled back: nothing committed, so the next page writes it again
        assertThat(written.unwritten(page)).hasSize(1);
    }
}
