package org.leadfeedercamel.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/** What both API generations' mappers share: a row's sync columns, the record in the body, the rejected-record row. */
final class RecordRows {

    private RecordRows() {
    }

    /** A new row of the page's account with the sync's own columns. */
    static Map<String, Object> row(PageRows page) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("account_id", page.accountId());
        row.put("_synced_at", page.syncedAt());
        row.put("_run_id", page.runId());
        return row;
    }

    /** A locations row; the classic API's attributes, of which {@code /v1} has all but the two codes. */
    static Map<String, Object> location(PageRows page, String id, Attributes a) throws RejectedRecordException {
        Map<String, Object> row = row(page);
        row.put("location_id", id);
        row.put("country", a.text("country"));
        row.put("country_code", a.text("country_code"));
        row.put("region", a.text("region"));
        row.put("region_code", a.text("region_code"));
        row.put("city", a.text("city"));
        row.put("state_code", a.text("state_code"));
        row.put("_extra", a.extra());
        return row;
    }

    /** Keeps a record that cannot be mapped, whole, with the reason. */
    static void reject(ObjectMapper json, PageRows page, String stream, Map<String, Object> record, String reason) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("run_id", page.runId());
        row.put("stream", stream);
        row.put("account_id", page.accountId() == null ? "" : page.accountId());
        Object id = record.get("id");
        row.put("record_id", id == null ? null : String.valueOf(id));
        row.put("reason", reason);
        try {
            row.put("raw_json", json.writeValueAsString(record));
        } catch (JsonProcessingException | StackOverflowError e) {
            // the record cannot be written back as JSON at all (nested past every limit); say so
            row.put("raw_json", "{\"unwritable\":\"" + e.getClass().getSimpleName() + "\"}");
        }
        row.put("rejected_at", page.syncedAt());
        row.put("window_from", page.windowFrom());
        row.put("window_to", page.windowTo());
        page.addRejected(row);
    }

    /** A record; anything but an object is carried as it came, under "value", so it can be rejected whole. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> record(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Collections.singletonMap("value", value);
    }

    /** Builds one route row of a visit from an entry of its route; throws when the entry cannot be mapped. */
    @FunctionalInterface
    interface RouteRow {
        Map<String, Object> map(PageRows page, String visitId, int pageNumber, Object entry) throws RejectedRecordException;
    }

    /**
     * A mapped visit: its row joins the page, and its route entries, numbered from 1, go back to the
     * route to split, each mapped by {@link #addRoute}.
     */
    static List<RouteEntry> visitMapped(PageRows page, Map<String, Object> row, Map<String, Object> record, List<?> route) {
        String visitId = (String) row.get("visit_id");
        page.addVisit(row);
        page.addRouteLength(visitId, route.size());
        List<RouteEntry> entries = new ArrayList<>(route.size());
        for (int i = 0; i < route.size(); i++) {
            entries.add(new RouteEntry(visitId, record, i + 1, route.get(i)));
        }
        return entries;
    }

    /**
     * Maps one route entry. An entry that cannot be mapped takes its whole visit (and the rows it had so
     * far) to the rejected records.
     */
    static void addRoute(ObjectMapper json, PageRows page, RouteEntry entry, String entryName, RouteRow mapping) {
        if (page.isWithdrawn(entry.visitId())) {
            return;
        }
        try {
            page.addRoute(mapping.map(page, entry.visitId(), entry.pageNumber(), entry.entry()));
        } catch (RejectedRecordException e) {
            page.withdrawVisit(entry.visitId());
            reject(json, page, "visits", entry.visit(), entryName + " " + entry.pageNumber() + ": " + e.getMessage());
        }
    }
}
