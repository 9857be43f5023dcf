package org.leadfeedercamel.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads warehouse tables back as comparable rows and compares them with the simulator's expected rows. */
final class WarehouseTables {

    static final Set<String> JSON_COLUMNS = Set.of("ga_client_ids", "industries", "tags");
    // revenue is the classic API's text, or the /v1 revenue object as JSON
    static final Set<String> METADATA = Set.of("_synced_at", "_run_id", "_extra");
    private static final ObjectMapper JSON = new ObjectMapper();

    private WarehouseTables() {
    }

    /** Every row of the table, keyed by its key columns, metadata columns removed, values normalised. */
    static Map<List<Object>, Map<String, Object>> read(JdbcTemplate jdbc, String table, List<String> key) {
        Map<List<Object>, Map<String, Object>> rows = new HashMap<>();
        for (Map<String, Object> raw : jdbc.queryForList("SELECT * FROM " + table)) {
            Map<String, Object> row = new LinkedHashMap<>();
            raw.forEach((column, value) -> {
                String name = column.toLowerCase(Locale.ROOT);
                if (!METADATA.contains(name)) {
                    row.put(name, normalise(name, value));
                }
            });
            rows.put(key.stream().map(row::get).toList(), row);
        }
        return rows;
    }

    /** Asserts the table holds exactly the expected rows, column by column. */
    static void assertEquals(JdbcTemplate jdbc, String table, List<String> key, List<Map<String, Object>> expected) {
        Map<List<Object>, Map<String, Object>> actual = read(jdbc, table, key);
        Map<List<Object>, Map<String, Object>> wanted = new HashMap<>();
        for (Map<String, Object> row : expected) {
            Map<String, Object> normalised = new LinkedHashMap<>();
            row.forEach((column, value) -> normalised.put(column, normalise(column, value)));
            wanted.put(key.stream().map(normalised::get).toList(), normalised);
        }
        assertThat(actual.keySet()).as(table + " keys").containsExactlyInAnyOrderElementsOf(wanted.keySet());
        wanted.forEach((k, row) -> assertThat(actual.get(k)).as(table + " row " + k).isEqualTo(row));
    }

    private static Object normalise(String column, Object value) {
        if (value == null) {
            return null;
        }
        if (value.getClass().getName().equals("org.postgresql.util.PGobject")) {
            value = value.toString(); // jsonb arrives as a PGobject
        }
        if ("revenue".equals(column) && value instanceof Map<?, ?> object) {
            try {
                return JSON.readValue(JSON.writeValueAsString(object), Object.class); // numbers as the warehouse's JSON reads them
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.toInstant(java.time.ZoneOffset.UTC); // the warehouse session runs in UTC
        }
        if ((JSON_COLUMNS.contains(column) || "revenue".equals(column) && value instanceof String t && t.startsWith("{"))
                && value instanceof String text) {
            try {
                return JSON.readValue(text, Object.class);
            } catch (Exception e) {
                throw new AssertionError(column + " is not JSON: " + text, e);
            }
        }
        if (value instanceof Date date) {
            return date.toLocalDate();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        if (value instanceof Long || value instanceof Short) {
            return ((Number) value).intValue();
        }
        return value;
    }
}
