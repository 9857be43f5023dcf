package org.leadfeedercamel.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.leadfeedercamel.simulator.data.SimCompany;
import org.leadfeedercamel.simulator.data.SimCompanyLocation;
import org.leadfeedercamel.simulator.data.SimLead;
import org.leadfeedercamel.simulator.data.SimLocation;
import org.leadfeedercamel.simulator.data.SimRoutePage;
import org.leadfeedercamel.simulator.data.SimVisit;
import org.leadfeedercamel.simulator.data.UnifiedRules;

/**
 * Renders the unified API's list documents ({@code data} + {@code meta}, no {@code links}), streaming
 * with Jackson's generator, in the shapes of leadfeeder-api-v1.md §4 and its §9 examples. Raw values are
 * the ones the classic API serves for the same visit, "" included, so the two generations compare.
 */
final class V1Json {

    /** One page of a list: which page it is and how big the whole result is. */
    record Pagination(int pageNum, int pageCount, int totalCount) {
    }


    private V1Json() {
    }

    /**
     * Web visits; with {@code companies} (lead id → the company's figures over the window) the company
     * relationship carries attributes, without it only {type, id}.
     */
    static byte[] webVisits(List<SimVisit> visits, Function<String, SimLocation> locations,
            Function<String, SimLead> companies, Pagination pagination) {
        return JsonDocument.of(g -> {
            g.writeArrayFieldStart("data");
            for (SimVisit visit : visits) {
                webVisit(g, visit, locations, companies);
            }
            g.writeEndArray();
            meta(g, pagination);
        });
    }

    static byte[] companyLocations(List<SimCompanyLocation> rows, Function<String, SimLocation> locations,
            boolean includeCompany, Pagination pagination) {
        return JsonDocument.of(g -> {
            g.writeArrayFieldStart("data");
            for (SimCompanyLocation row : rows) {
                g.writeStartObject();
                g.writeStringField("type", "company_location");
                g.writeStringField("id", companyLocationId(row.company().leadId(), row.locationId()));
                g.writeObjectFieldStart("relationships");
                company(g, row.company().leadId(), includeCompany ? row.company() : null, row.lastVisitDate(), locations);
                location(g, locations.apply(row.locationId()));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            meta(g, pagination);
        });
    }

    /** A stable opaque id for a (company, location) pair: the real format is unknown. */
    static String companyLocationId(String companyId, String locationId) {
        return UUID.nameUUIDFromBytes((companyId + "\n" + locationId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void webVisit(JsonGenerator g, SimVisit v, Function<String, SimLocation> locations,
            Function<String, SimLead> companies) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "web_visit");
        g.writeStringField("id", v.id());
        g.writeObjectFieldStart("attributes");
        g.writeStringField("started_at", SimFormats.timestamp(v.startedAt()));
        g.writeNumberField("visit_length", v.visitLength());
        g.writeNumberField("page_depth", v.pageDepth());
        g.writeStringField("source", v.source());
        g.writeStringField("medium", v.medium());
        g.writeStringField("campaign", v.campaign());
        g.writeStringField("keyword", v.keyword());
        g.writeStringField("referring_url", v.referringUrl());
        g.writeStringField("landing_page_path", v.landingPagePath());
        g.writeStringField("device_type", v.deviceType());
        g.writeObjectFieldStart("identifiers");
        g.writeStringField("lf_client_id", v.lfClientId());
        g.writeArrayFieldStart("ga_client_ids");
        for (String id : v.gaClientIds()) {
            g.writeString(id);
        }
        g.writeEndArray();
        g.writeEndObject();
        visitor(g, v);
        g.writeArrayFieldStart("engagements");
        for (SimRoutePage page : v.route()) {
            g.writeStartObject();
            g.writeStringField("event_type", "page-view");
            g.writeStringField("hostname", page.hostname());
            g.writeObjectFieldStart("page");
            g.writeStringField("path", page.pagePath());
            g.writeStringField("title", page.pageTitle());
            g.writeStringField("url", page.pageUrl());
            g.writeEndObject();
            g.writeStringField("previous_page_path", page.previousPagePath());
            g.writeNumberField("time_on_page", page.timeOnPage());
            g.writeBooleanField("has_met_goals", UnifiedRules.hasMetGoals(page));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("relationships");
        if (companies == null) {
            company(g, v.leadId(), null, null, locations);
        } else {
            SimLead lead = companies.apply(v.leadId());
            company(g, lead.id(), lead.company(), lead.lastVisitDate(), locations);
        }
        location(g, locations.apply(v.locationId()));
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Null for an anonymous visit; otherwise the person, with "" served as null. */
    private static void visitor(JsonGenerator g, SimVisit v) throws IOException {
        if (blank(v.visitorEmail()) && blank(v.visitorFirstName()) && blank(v.visitorLastName())) {
            g.writeNullField("visitor");
            return;
        }
        g.writeObjectFieldStart("visitor");
        g.writeStringField("email", nullIfEmpty(v.visitorEmail()));
        g.writeStringField("first_name", nullIfEmpty(v.visitorFirstName()));
        g.writeStringField("last_name", nullIfEmpty(v.visitorLastName()));
        g.writeEndObject();
    }

    /**
     * The company relationship: {type, id}, and with {@code c} (include=company) the CompanyV1
     * attributes, whose {@code web_engagement.last_visit_date} is the company's over the queried window.
     */
    private static void company(JsonGenerator g, String id, SimCompany c, LocalDate lastVisitDate,
            Function<String, SimLocation> locations) throws IOException {
        g.writeObjectFieldStart("company");
        g.writeStringField("type", "company");
        g.writeStringField("id", id);
        if (c != null) {
            g.writeObjectFieldStart("attributes");
            g.writeStringField("name", c.name());
            g.writeArrayFieldStart("alternative_names");
            g.writeEndArray();
            g.writeStringField("url", c.websiteUrl());
            g.writeArrayFieldStart("alternative_urls");
            g.writeEndArray();
            g.writeStringField("logo_url", c.logoUrl());
            if (c.employeeCount() == null) {
                g.writeNullField("employee_count");
            } else {
                g.writeNumberField("employee_count", c.employeeCount());
            }
            g.writeStringField("employee_range", UnifiedRules.employeeRange(c));
            g.writeObjectFieldStart("industries");
            g.writeArrayFieldStart("industry");
            for (Map<String, String> industry : UnifiedRules.industries(c)) {
                g.writeStartObject();
                g.writeStringField("code", industry.get("code"));
                g.writeStringField("name", industry.get("name"));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            Long revenue = UnifiedRules.revenueValue(c);
            if (revenue == null) {
                g.writeNullField("revenue");
            } else {
                g.writeObjectFieldStart("revenue");
                g.writeNumberField("value", revenue);
                g.writeStringField("currency", UnifiedRules.REVENUE_CURRENCY);
                g.writeEndObject();
            }
            SimLocation home = locations.apply(c.locationId());
            g.writeObjectFieldStart("address");
            g.writeNullField("street_address");
            g.writeNullField("postal_code");
            g.writeStringField("city", home.city());
            g.writeStringField("country", home.country());
            g.writeStringField("country_code", home.countryCode());
            g.writeEndObject();
            g.writeObjectFieldStart("social_media_profiles");
            profiles(g, "linkedin", c.linkedinUrl());
            profiles(g, "twitter", blank(c.twitterHandle()) ? null : "https://twitter.com/" + c.twitterHandle());
            profiles(g, "facebook", c.facebookUrl());
            g.writeEndObject();
            g.writeStringField("vat_id", c.businessId());
            g.writeNullField("description");
            g.writeNullField("founded_year");
            g.writeArrayFieldStart("keywords");
            g.writeEndArray();
            g.writeObjectFieldStart("web_engagement");
            g.writeStringField("last_visit_date", lastVisitDate.toString());
            g.writeEndObject();
            g.writeObjectFieldStart("meta");
            g.writeBooleanField("do_not_contact", false);
            g.writeNumberField("num_contacts", UnifiedRules.numContacts(c));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void profiles(JsonGenerator g, String network, String url) throws IOException {
        g.writeArrayFieldStart(network);
        if (!blank(url)) {
            g.writeStartObject();
            g.writeStringField("url", url);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Always with attributes, whatever {@code include} says (the evidence shows it embedded either way). */
    private static void location(JsonGenerator g, SimLocation l) throws IOException {
        g.writeObjectFieldStart("location");
        g.writeStringField("type", "location");
        g.writeStringField("id", l.id());
        g.writeObjectFieldStart("attributes");
        g.writeStringField("country", l.country());
        g.writeStringField("country_code", l.countryCode());
        g.writeStringField("region", l.region());
        g.writeStringField("city", l.city());
        g.writeNullField("postal_code");
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void meta(JsonGenerator g, Pagination pagination) throws IOException {
        g.writeObjectFieldStart("meta");
        g.writeStringField("request_id", UUID.randomUUID().toString());
        g.writeObjectFieldStart("pagination");
        g.writeNumberField("page_num", pagination.pageNum());
        g.writeNumberField("page_count", pagination.pageCount());
        g.writeNumberField("total_count", pagination.totalCount());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static boolean blank(String value) {
        return value == null || value.isEmpty();
    }

    private static String nullIfEmpty(String value) {
        return blank(value) ? null : value;
    }
}
