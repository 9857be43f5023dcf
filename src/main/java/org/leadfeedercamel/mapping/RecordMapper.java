package org.leadfeedercamel.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JSON:API records → table rows, one record at a time, as the routes split a page. Every column of the
 * brief's tables; {@code ""} → NULL; arrays as JSON text; unknown attributes into {@code _extra}. A
 * record that cannot be mapped goes to the page's rejected rows with its raw JSON and the reason, and
 * the rest of the page still loads.
 */
public final class RecordMapper {

    static final Set<String> VISIT_ATTRIBUTES = Set.of("source", "medium", "referring_url", "page_depth",
            "landing_page_path", "visit_route", "keyword", "visit_length", "started_at", "campaign", "query_term",
            "lf_client_id", "ga_client_ids", "country_code", "device_type", "visitor_email", "visitor_first_name",
            "visitor_last_name", "date", "hour", "lead_id");
    static final Set<String> ROUTE_FIELDS = Set.of("hostname", "page_path", "previous_page_path", "time_on_page",
            "page_title", "page_url", "display_page_name");
    static final Set<String> LEAD_ATTRIBUTES = Set.of("name", "industry", "industries", "first_visit_date",
            "last_visit_date", "status", "website_url", "phone", "linkedin_url", "twitter_handle", "facebook_url",
            "employee_count", "employees_range", "crm_lead_id", "crm_organization_id", "tags", "logo_url", "assignee",
            "business_id", "revenue", "emailed_to", "view_in_leadfeeder", "visits", "quality");
    static final Set<String> LOCATION_ATTRIBUTES = Set.of("country", "country_code", "region", "region_code", "city",
            "state_code");
    static final Set<String> ACCOUNT_ATTRIBUTES = Set.of("name", "timezone", "subscription", "on_trial",
            "website_tracking_status");

    private final ObjectMapper json;
    private final PersonalData personalData;

    /** Personal data kept as the API sent it. */
    public RecordMapper(ObjectMapper json) {
        this(json, PersonalData.keep());
    }

    public RecordMapper(ObjectMapper json, PersonalData personalData) {
        this.json = json;
        this.personalData = personalData;
    }

    /** Visits pages: each visit, its route entries, and the {@code included} locations. */
    public PageMapping visits() {
        return new PageMapping(this::visit, this::routePage, this::locations);
    }

    /** Leads pages: each lead, and the {@code included} locations. */
    public PageMapping leads() {
        return PageMapping.withoutRoutes(this::lead, this::locations);
    }

    /** Maps a visit; answers its route entries, to be split into child rows, or none when the visit is rejected. */
    List<RouteEntry> visit(PageRows page, Object body) {
        Map<String, Object> record = RecordRows.record(body);
        personalData.classicVisit(record); // before anything of it is stored: columns, _extra, a rejected record's JSON
        try {
            String visitId = Values.id("id", record.get("id"));
            Attributes a = new Attributes(record.get("attributes"), VISIT_ATTRIBUTES, json);
            List<Map<String, Object>> route = routeEntries(a.raw("visit_route"));
            Map<String, Object> row = RecordRows.row(page);
            row.put("visit_id", visitId);
            row.put("lead_id", a.text("lead_id"));
            row.put("location_id", locationId(record));
            row.put("source", a.text("source"));
            row.put("medium", a.text("medium"));
            row.put("referring_url", a.text("referring_url"));
            row.put("landing_page_path", a.text("landing_page_path"));
            row.put("keyword", a.text("keyword"));
            row.put("query_term", a.text("query_term"));
            row.put("campaign", a.text("campaign"));
            row.put("page_depth", a.integer("page_depth"));
            row.put("visit_length", a.integer("visit_length"));
            row.put("started_at", a.timestamp("started_at"));
            row.put("visit_date", a.date("date"));
            row.put("visit_hour", a.integer("hour"));
            row.put("lf_client_id", a.text("lf_client_id"));
            row.put("ga_client_ids", a.array("ga_client_ids"));
            row.put("country_code", a.text("country_code"));
            row.put("device_type", a.text("device_type"));
            row.put("visitor_email", a.text("visitor_email"));
            row.put("visitor_first_name", a.text("visitor_first_name"));
            row.put("visitor_last_name", a.text("visitor_last_name"));
            row.put("_extra", a.extra());
            return RecordRows.visitMapped(page, row, record, route);
        } catch (RejectedRecordException e) {
            RecordRows.reject(json, page, "visits", record, e.getMessage());
            return List.of();
        }
    }

    /** Maps one entry of a visit's route; one that cannot be mapped takes its whole visit to the rejected records. */
    void routePage(PageRows page, RouteEntry entry) {
        RecordRows.addRoute(json, page, entry, "visit_route entry", this::routeRow);
    }

    private Map<String, Object> routeRow(PageRows page, String visitId, int pageNumber, Object entry)
            throws RejectedRecordException {
        Attributes a = new Attributes(entry, ROUTE_FIELDS, json);
        Map<String, Object> row = RecordRows.row(page);
        row.put("visit_id", visitId);
        row.put("page_number", pageNumber);
        row.put("hostname", a.text("hostname"));
        row.put("page_path", a.text("page_path"));
        row.put("previous_page_path", a.text("previous_page_path"));
        row.put("time_on_page", a.integer("time_on_page"));
        row.put("page_title", a.text("page_title"));
        row.put("page_url", a.text("page_url"));
        row.put("display_page_name", a.text("display_page_name"));
        row.put("event_type", null); // /v1 engagements only
        row.put("has_met_goals", null);
        row.put("_extra", a.extra());
        return row;
    }

    void lead(PageRows page, Object body) {
        Map<String, Object> record = RecordRows.record(body);
        try {
            String leadId = Values.id("id", record.get("id"));
            Attributes a = new Attributes(record.get("attributes"), LEAD_ATTRIBUTES, json);
            Object range = a.raw("employees_range");
            if (range != null && !(range instanceof Map<?, ?>)) {
                throw new RejectedRecordException("employees_range is not an object");
            }
            Map<?, ?> employees = range == null ? Map.of() : (Map<?, ?>) range;
            Map<String, Object> row = RecordRows.row(page);
            row.put("lead_id", leadId);
            row.put("name", a.text("name"));
            row.put("industry", a.text("industry"));
            row.put("industries", a.array("industries"));
            row.put("first_visit_date", a.date("first_visit_date"));
            row.put("last_visit_date", a.date("last_visit_date"));
            row.put("status", a.text("status"));
            row.put("website_url", a.text("website_url"));
            row.put("phone", a.text("phone"));
            row.put("linkedin_url", a.text("linkedin_url"));
            row.put("twitter_handle", a.text("twitter_handle"));
            row.put("facebook_url", a.text("facebook_url"));
            row.put("employee_count", a.integer("employee_count"));
            row.put("employees_range_min", Values.integer("employees_range.min", employees.get("min")));
            row.put("employees_range_max", Values.integer("employees_range.max", employees.get("max")));
            row.put("crm_lead_id", a.text("crm_lead_id"));
            row.put("crm_organization_id", a.text("crm_organization_id"));
            row.put("tags", a.array("tags"));
            row.put("logo_url", a.text("logo_url"));
            row.put("assignee", a.text("assignee"));
            row.put("business_id", a.text("business_id"));
            row.put("revenue", a.text("revenue"));
            row.put("emailed_to", a.text("emailed_to"));
            row.put("view_in_leadfeeder", a.text("view_in_leadfeeder"));
            row.put("visits", a.integer("visits"));
            row.put("quality", a.integer("quality"));
            row.put("location_id", locationId(record));
            row.put("_extra", a.extra());
            page.addLead(row);
        } catch (RejectedRecordException e) {
            RecordRows.reject(json, page, "leads", record, e.getMessage());
        }
    }

    /** Maps the {@code included} locations of a page document. */
    void locations(PageRows page, Map<String, Object> document) {
        Object included = document.get("included");
        if (!(included instanceof List<?> list)) {
            return;
        }
        for (Object item : list) {
            Map<String, Object> record = RecordRows.record(item);
            if (record.get("type") != null && !"locations".equals(record.get("type"))) {
                continue; // only locations are expected; anything else is not ours to store
            }
            try {
                String id = Values.id("id", record.get("id"));
                page.addLocation(id, RecordRows.location(page, id, new Attributes(record.get("attributes"), LOCATION_ATTRIBUTES, json)));
            } catch (RejectedRecordException e) {
                RecordRows.reject(json, page, "locations", record, e.getMessage());
            }
        }
    }

    /**
     * Maps an accounts document into rows of the accounts table; a malformed account is rejected
     * (not synced), the rest go on.
     */
    PageRows accounts(PageRows page, Map<String, Object> document) {
        Object data = document.get("data");
        if (data instanceof List<?> list) {
            for (Object item : list) {
                Map<String, Object> record = RecordRows.record(item);
                try {
                    Attributes a = new Attributes(record.get("attributes"), ACCOUNT_ATTRIBUTES, json);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("account_id", Values.id("id", record.get("id")));
                    row.put("name", a.text("name"));
                    row.put("timezone", a.text("timezone"));
                    row.put("subscription", a.text("subscription"));
                    row.put("on_trial", a.bool("on_trial"));
                    row.put("website_tracking_status", a.text("website_tracking_status"));
                    row.put("_extra", a.extra());
                    row.put("_synced_at", page.syncedAt());
                    row.put("_run_id", page.runId());
                    page.addAccount(row);
                } catch (RejectedRecordException e) {
                    RecordRows.reject(json, page, "accounts", record, e.getMessage());
                }
            }
        }
        return page;
    }

    private static List<Map<String, Object>> routeEntries(Object route) throws RejectedRecordException {
        if (!(route instanceof List<?> list)) {
            throw new RejectedRecordException("visit_route is not a list");
        }
        List<Map<String, Object>> entries = new ArrayList<>(list.size());
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> map)) {
                throw new RejectedRecordException("visit_route has an entry that is not an object");
            }
            Object time = map.get("time_on_page");
            Values.integer("visit_route.time_on_page", time);
            for (String field : ROUTE_FIELDS) {
                Object value = map.get(field);
                if (!"time_on_page".equals(field) && value != null && !(value instanceof String)) {
                    throw new RejectedRecordException("visit_route." + field + " is not a string");
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            entries.add(typed);
        }
        return entries;
    }

    private static String locationId(Map<String, Object> record) throws RejectedRecordException {
        Object relationships = record.get("relationships");
        if (relationships instanceof Map<?, ?> r && r.get("location") instanceof Map<?, ?> location
                && location.get("data") instanceof Map<?, ?> data && data.get("id") != null) {
            return Values.id("location id", data.get("id"));
        }
        return null;
    }
}
