package org.leadfeedercamel.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.leadfeedercamel.sync.SyncProperties;

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
     * A mapped visit: its row joins the page, and the body becomes its route entries for the route to
     * split, each mapped by {@link #addRoute}.
     */
    static void visitMapped(Exchange exchange, PageRows page, Map<String, Object> row, Map<String, Object> record, List<?> route) {
        page.addVisit(row);
        page.addRouteLength((String) row.get("visit_id"), route.size());
        exchange.setProperty(SyncProperties.VISIT_ID, row.get("visit_id"));
        exchange.setProperty(SyncProperties.VISIT_RECORD, record);
        exchange.getMessage().setBody(route);
    }

    /**
     * Maps the route entry in the body; its position in the split is its page number. An entry that
     * cannot be mapped takes its whole visit (and the rows it had so far) to the rejected records.
     */
    static void addRoute(ObjectMapper json, Exchange exchange, String entryName, RouteRow mapping) {
        PageRows page = page(exchange);
        String visitId = exchange.getProperty(SyncProperties.VISIT_ID, String.class);
        if (page.isWithdrawn(visitId)) {
            return;
        }
        int pageNumber = exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class) + 1;
        try {
            page.addRoute(mapping.map(page, visitId, pageNumber, exchange.getMessage().getBody()));
        } catch (RejectedRecordException e) {
            page.withdrawVisit(visitId);
            @SuppressWarnings("unchecked")
            Map<String, Object> visit = exchange.getProperty(SyncProperties.VISIT_RECORD, Map.class);
            reject(json, page, "visits", visit, entryName + " " + pageNumber + ": " + e.getMessage());
        }
    }

    static PageRows page(Exchange exchange) {
        return exchange.getProperty(SyncProperties.PAGE_ROWS, PageRows.class);
    }
}
