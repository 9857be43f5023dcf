package org.leadfeedercamel.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unified API's records ({@code /v1}) → the same tables as the classic API's, one record at a time
 * as the routes split a page (leadfeeder-api-v1.md §4). A web visit fills the visits table and its
 * engagements the route rows ({@code event_type}, {@code has_met_goals} are theirs alone); a
 * company_location row of the companies endpoint fills a lead; locations come embedded in both.
 * Columns {@code /v1} does not carry stay NULL; attributes nobody maps go to {@code _extra}.
 */
public final class V1RecordMapper {

    static final Set<String> VISIT_ATTRIBUTES = Set.of("started_at", "visit_length", "page_depth", "source", "medium",
            "campaign", "keyword", "referring_url", "landing_page_path", "device_type", "identifiers", "visitor",
            "engagements");
    static final Set<String> IDENTIFIERS = Set.of("lf_client_id", "ga_client_ids");
    static final Set<String> VISITOR = Set.of("email", "first_name", "last_name");
    static final Set<String> ENGAGEMENT_FIELDS = Set.of("event_type", "hostname", "page", "previous_page_path",
            "time_on_page", "has_met_goals");
    static final Set<String> PAGE_FIELDS = Set.of("path", "title", "url");
    static final Set<String> COMPANY_ATTRIBUTES = Set.of("name", "url", "logo_url", "employee_count", "employee_range",
            "industries", "revenue", "social_media_profiles", "vat_id", "web_engagement");

    private static final Pattern EMPLOYEE_RANGE = Pattern.compile("\\s*(\\d{1,9})\\s*(?:(-)\\s*(\\d{1,9})|(\\+))?\\s*");

    private final ObjectMapper json;
    private final PersonalData personalData;

    /** Personal data kept as the API sent it. */
    public V1RecordMapper(ObjectMapper json) {
        this(json, PersonalData.keep());
    }

    public V1RecordMapper(ObjectMapper json, PersonalData personalData) {
        this.json = json;
        this.personalData = personalData;
    }

    /** Web-visits pages: each visit with its embedded location, and its engagements as route rows. */
    public PageMapping visits() {
        return new PageMapping(this::visit, this::engagement, (page, document) -> { });
    }

    /** Companies pages (the leads stream): each company_location row. */
    public PageMapping companies() {
        return PageMapping.withoutRoutes(this::companyLocation, (page, document) -> { });
    }

    /** Maps a web visit and its location; answers its engagements, to be split into route rows, or none when rejected. */
    List<RouteEntry> visit(PageRows page, Object body) {
        Map<String, Object> record = RecordRows.record(body);
        personalData.v1Visit(record); // before anything of it is stored: columns, _extra, a rejected record's JSON
        try {
            String visitId = Values.id("id", record.get("id"));
            Attributes a = new Attributes(record.get("attributes"), VISIT_ATTRIBUTES, json);
            Map<?, ?> relationships = object("relationships", record.get("relationships"));
            Map<?, ?> location = object("relationships.location", relationships.get("location"));
            Attributes place = location(page, location);
            Attributes identifiers = nested(a, "identifiers", IDENTIFIERS);
            Attributes visitor = nested(a, "visitor", VISITOR);
            Object engagements = a.raw("engagements");
            if (engagements != null && !(engagements instanceof List<?>)) {
                throw new RejectedRecordException("engagements is not a list");
            }
            Map<String, Object> row = RecordRows.row(page);
            row.put("visit_id", visitId);
            row.put("lead_id", relationshipId("relationships.company", object("relationships.company", relationships.get("company"))));
            row.put("location_id", relationshipId("relationships.location", location));
            row.put("source", a.text("source"));
            row.put("medium", a.text("medium"));
            row.put("referring_url", a.text("referring_url"));
            row.put("landing_page_path", a.text("landing_page_path"));
            row.put("keyword", a.text("keyword"));
            row.put("query_term", null);
            row.put("campaign", a.text("campaign"));
            row.put("page_depth", a.integer("page_depth"));
            row.put("visit_length", a.integer("visit_length"));
            row.put("started_at", a.timestamp("started_at"));
            row.put("visit_date", null); // account-local: /v1 tells no account timezone
            row.put("visit_hour", null);
            row.put("lf_client_id", identifiers.text("lf_client_id"));
            row.put("ga_client_ids", identifiers.array("ga_client_ids"));
            row.put("country_code", place == null ? null : place.text("country_code"));
            row.put("device_type", a.text("device_type"));
            row.put("visitor_email", visitor.text("email"));
            row.put("visitor_first_name", visitor.text("first_name"));
            row.put("visitor_last_name", visitor.text("last_name"));
            row.put("_extra", a.extra());
            return RecordRows.visitMapped(page, row, record, engagements == null ? List.of() : (List<?>) engagements);
        } catch (RejectedRecordException e) {
            RecordRows.reject(json, page, "visits", record, e.getMessage());
            return List.of();
        }
    }

    /**
     * Maps one engagement of a visit; its position in the visit is its page number, as G1 and PostHog
     * key them. One that cannot be mapped takes its whole visit to the rejected records.
     */
    void engagement(PageRows page, RouteEntry entry) {
        RecordRows.addRoute(json, page, entry, "engagements entry", this::engagementRow);
    }

    private Map<String, Object> engagementRow(PageRows page, String visitId, int pageNumber, Object entry)
            throws RejectedRecordException {
        Attributes e = new Attributes(entry, ENGAGEMENT_FIELDS, json);
        Attributes viewed = nested(e, "page", PAGE_FIELDS);
        Map<String, Object> row = RecordRows.row(page);
        row.put("visit_id", visitId);
        row.put("page_number", pageNumber);
        row.put("hostname", e.text("hostname"));
        row.put("page_path", viewed.text("path"));
        row.put("previous_page_path", e.text("previous_page_path"));
        row.put("time_on_page", e.integer("time_on_page"));
        row.put("page_title", viewed.text("title"));
        row.put("page_url", viewed.text("url"));
        row.put("display_page_name", null);
        row.put("event_type", e.text("event_type"));
        row.put("has_met_goals", e.bool("has_met_goals"));
        row.put("_extra", e.extra());
        return row;
    }

    /**
     * Maps a company_location row of the companies endpoint: the company becomes a lead (once per page:
     * a company visiting from several places has a row for each) and the location a location.
     */
    void companyLocation(PageRows page, Object body) {
        Map<String, Object> record = RecordRows.record(body);
        try {
            Map<?, ?> relationships = object("relationships", record.get("relationships"));
            Map<?, ?> company = object("relationships.company", relationships.get("company"));
            String leadId = Values.id("relationships.company.id", relationshipId("relationships.company", company));
            if (company.get("attributes") == null) {
                throw new RejectedRecordException("relationships.company has no attributes (asked with include=company)");
            }
            Attributes c = new Attributes(company.get("attributes"), COMPANY_ATTRIBUTES, json);
            Attributes engagement = nested(c, "web_engagement", Set.of("first_visit_date", "last_visit_date", "visits"));
            Attributes social = nested(c, "social_media_profiles", Set.of("linkedin", "twitter", "facebook"));
            Integer[] employees = employeeRange(c.text("employee_range"));
            List<?> industries = industries(c.raw("industries"));
            Map<String, Object> row = RecordRows.row(page);
            row.put("lead_id", leadId);
            row.put("name", c.text("name"));
            row.put("industry", industries.isEmpty() ? null : Values.text("industries.industry.name",
                    ((Map<?, ?>) industries.get(0)).get("name")));
            row.put("industries", c.raw("industries") == null ? null : c.write(industries));
            row.put("first_visit_date", engagement.date("first_visit_date"));
            row.put("last_visit_date", engagement.date("last_visit_date"));
            row.put("status", null);
            row.put("website_url", c.text("url"));
            row.put("phone", null);
            row.put("linkedin_url", firstUrl(social, "linkedin"));
            row.put("twitter_handle", handle(firstUrl(social, "twitter")));
            row.put("facebook_url", firstUrl(social, "facebook"));
            row.put("employee_count", c.integer("employee_count"));
            row.put("employees_range_min", employees[0]);
            row.put("employees_range_max", employees[1]);
            row.put("crm_lead_id", null);
            row.put("crm_organization_id", null);
            row.put("tags", null);
            row.put("logo_url", c.text("logo_url"));
            row.put("assignee", null);
            row.put("business_id", c.text("vat_id"));
            row.put("revenue", c.raw("revenue") == null ? null : c.write(c.raw("revenue")));
            row.put("emailed_to", null);
            row.put("view_in_leadfeeder", null);
            row.put("visits", engagement.integer("visits"));
            row.put("quality", null);
            row.put("location_id", null); // the company's own place is in its address (_extra), not a location id
            row.put("_extra", c.extra());
            location(page, object("relationships.location", relationships.get("location")));
            page.addLeadOnce(leadId, row);
        } catch (RejectedRecordException e) {
            RecordRows.reject(json, page, "leads", record, e.getMessage());
        }
    }

    /** Adds an embedded location with attributes to the page's locations; its attributes, or null. */
    private Attributes location(PageRows page, Map<?, ?> location) throws RejectedRecordException {
        String id = relationshipId("relationships.location", location);
        if (id == null || location.get("attributes") == null) {
            return null;
        }
        Attributes a = new Attributes(location.get("attributes"), RecordMapper.LOCATION_ATTRIBUTES, json);
        page.addLocation(id, RecordRows.location(page, id, a));
        return a;
    }

    /** A relationship's id: embedded {@code {type, id}}, or JSON:API linkage {@code {data: {id}}}. */
    private static String relationshipId(String name, Map<?, ?> relationship) throws RejectedRecordException {
        Object id = relationship.get("id");
        if (id == null && relationship.get("data") instanceof Map<?, ?> data) {
            id = data.get("id");
        }
        return id == null ? null : Values.id(name + ".id", id);
    }

    /** A nested object's attributes; null reads as an empty object. */
    private Attributes nested(Attributes parent, String name, Set<String> known) throws RejectedRecordException {
        return new Attributes(object(name, parent.raw(name)), known, json);
    }

    private static Map<?, ?> object(String name, Object value) throws RejectedRecordException {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new RejectedRecordException(name + " is not an object");
    }

    /** {@code {"industry": [{code, name}, …]}} → the list. */
    private static List<?> industries(Object value) throws RejectedRecordException {
        Object list = object("industries", value).get("industry");
        if (list == null) {
            return List.of();
        }
        if (!(list instanceof List<?> industries) || !industries.stream().allMatch(i -> i instanceof Map<?, ?>)) {
            throw new RejectedRecordException("industries.industry is not a list of objects");
        }
        return industries;
    }

    private static String firstUrl(Attributes profiles, String network) throws RejectedRecordException {
        Object list = profiles.raw(network);
        if (list == null) {
            return null;
        }
        if (!(list instanceof List<?> urls) || !urls.stream().allMatch(u -> u instanceof Map<?, ?>)) {
            throw new RejectedRecordException("social_media_profiles." + network + " is not a list of objects");
        }
        return urls.isEmpty() ? null : Values.text("social_media_profiles." + network + ".url", ((Map<?, ?>) urls.get(0)).get("url"));
    }

    /** The classic API's twitter_handle is the name a profile URL ends with. */
    private static String handle(String url) {
        if (url == null) {
            return null;
        }
        String path = url;
        try {
            path = url.contains("://") ? URI.create(url).getPath() : url;
        } catch (IllegalArgumentException e) {
            // not a URL after all: the last segment of what it says is still the handle
        }
        String[] segments = path == null ? new String[0] : path.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!segments[i].isEmpty()) {
                return segments[i].startsWith("@") ? segments[i].substring(1) : segments[i];
            }
        }
        return null;
    }

    /** {@code "51-200"}, {@code "10000+"} or {@code "5"} → min and max (null when open or absent). */
    private static Integer[] employeeRange(String range) throws RejectedRecordException {
        if (range == null) {
            return new Integer[] {null, null};
        }
        Matcher m = EMPLOYEE_RANGE.matcher(range);
        if (!m.matches()) {
            throw new RejectedRecordException("employee_range is not N-M, N+ or N");
        }
        Integer min = Integer.valueOf(m.group(1));
        Integer max = m.group(2) != null ? Integer.valueOf(m.group(3)) : m.group(4) != null ? null : min;
        return new Integer[] {min, max};
    }
}
