package org.leadfeedercamel.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.leadfeedercamel.simulator.data.SimAccount;
import org.leadfeedercamel.simulator.data.SimLead;
import org.leadfeedercamel.simulator.data.SimLocation;
import org.leadfeedercamel.simulator.data.SimRoutePage;
import org.leadfeedercamel.simulator.data.SimVisit;

/**
 * Renders classic-API JSON:API documents, streaming with Jackson's generator. Attribute order follows
 * the captured real payloads.
 */
final class ClassicJson {


    private ClassicJson() {
    }

    /** A page of visits, written in {@code shapes}. */
    static byte[] visits(List<SimVisit> visits, Function<String, SimLocation> locations, Map<String, String> links,
            ClassicShapes shapes) {
        return JsonDocument.of(g -> {
            g.writeArrayFieldStart("data");
            for (SimVisit visit : visits) {
                visit(g, visit, shapes.unmappable(visit.id()));
            }
            g.writeEndArray();
            included(g, visits.stream().map(SimVisit::locationId).toList(), locations);
            links(g, links, shapes.linkObjects());
        });
    }

    static byte[] leads(List<SimLead> leads, Function<String, SimLocation> locations, Map<String, String> links,
            ClassicShapes shapes) {
        return JsonDocument.of(g -> {
            g.writeArrayFieldStart("data");
            for (SimLead lead : leads) {
                lead(g, lead);
            }
            g.writeEndArray();
            included(g, leads.stream().map(l -> l.company().locationId()).toList(), locations);
            links(g, links, shapes.linkObjects());
        });
    }

    static byte[] lead(SimLead lead, Function<String, SimLocation> locations) {
        return JsonDocument.of(g -> {
            g.writeFieldName("data");
            lead(g, lead);
            included(g, List.of(lead.company().locationId()), locations);
        });
    }

    static byte[] accounts(List<SimAccount> accounts, Map<String, String> links) {
        return JsonDocument.of(g -> {
            g.writeArrayFieldStart("data");
            for (SimAccount account : accounts) {
                account(g, account);
            }
            g.writeEndArray();
            links(g, links, false);
        });
    }

    static byte[] account(SimAccount account) {
        return JsonDocument.of(g -> {
            g.writeFieldName("data");
            account(g, account);
        });
    }

    /** Leadfeeder's built-in feeds plus one custom feed with criteria; the shape is UNK in the reference. */
    static byte[] customFeeds(SimAccount account, String onlyId) {
        return JsonDocument.of(g -> {
            if (onlyId == null) {
                g.writeArrayFieldStart("data");
            } else {
                g.writeFieldName("data");
            }
            writeFeed(g, onlyId, "all_leads", "All leads", null);
            writeFeed(g, onlyId, "new_leads", "New leads", null);
            writeFeed(g, onlyId, "top_leads", "Top leads", null);
            writeFeed(g, onlyId, "cf-" + account.id() + "-1", "Nordic prospects",
                    new String[] {"country", "Finland", "Country is Finland"});
            if (onlyId == null) {
                g.writeEndArray();
            }
        });
    }

    static boolean hasFeed(SimAccount account, String id) {
        return List.of("all_leads", "new_leads", "top_leads", "cf-" + account.id() + "-1").contains(id);
    }

    /** {"errors":[{"status":..,"title":..,"detail":..}]}, the JSON:API error shape. */
    static byte[] error(int status, String title, String detail) {
        return JsonDocument.of(g -> {
            g.writeArrayFieldStart("errors");
            g.writeStartObject();
            g.writeStringField("status", String.valueOf(status));
            g.writeStringField("title", title);
            if (detail != null) {
                g.writeStringField("detail", detail);
            }
            g.writeEndObject();
            g.writeEndArray();
        });
    }

    /** The 429 body of the API documentation, word for word at the default limit. */
    static byte[] rateLimited(int limit, long windowSeconds) {
        String period = windowSeconds == 60 ? "minute" : windowSeconds + " seconds";
        return JsonDocument.of(g -> {
            g.writeArrayFieldStart("errors");
            g.writeStartObject();
            g.writeStringField("title", "Exceeded the API rate limit of " + limit + " requests per " + period
                    + ". Try again later.");
            g.writeObjectFieldStart("links");
            g.writeStringField("about", "http://docs.leadfeeder.com/api/#rate-limiting");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        });
    }

    private static void writeFeed(JsonGenerator g, String onlyId, String id, String name, String[] criterion)
            throws IOException {
        if (onlyId != null && !onlyId.equals(id)) {
            return;
        }
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("type", "custom-feeds");
        g.writeObjectFieldStart("attributes");
        g.writeStringField("name", name);
        g.writeArrayFieldStart("criteria");
        if (criterion != null) {
            g.writeStartObject();
            g.writeStringField("criterion_type", criterion[0]);
            g.writeStringField("search_value", criterion[1]);
            g.writeBooleanField("excluded", false);
            g.writeStringField("display_value", criterion[2]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void visit(JsonGenerator g, SimVisit v, boolean unmappable) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", v.id());
        g.writeStringField("type", "visits");
        g.writeObjectFieldStart("attributes");
        g.writeStringField("source", v.source());
        g.writeStringField("medium", v.medium());
        g.writeStringField("referring_url", v.referringUrl());
        g.writeNumberField("page_depth", v.pageDepth());
        g.writeStringField("landing_page_path", v.landingPagePath());
        g.writeArrayFieldStart("visit_route");
        for (SimRoutePage page : v.route()) {
            g.writeStartObject();
            g.writeStringField("hostname", page.hostname());
            g.writeStringField("page_path", page.pagePath());
            g.writeStringField("previous_page_path", page.previousPagePath());
            g.writeNumberField("time_on_page", page.timeOnPage());
            g.writeStringField("page_title", page.pageTitle());
            g.writeStringField("page_url", page.pageUrl());
            g.writeStringField("display_page_name", page.displayPageName());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("keyword", v.keyword());
        if (unmappable) {
            g.writeStringField("visit_length", "twelve");
        } else {
            g.writeNumberField("visit_length", v.visitLength());
        }
        g.writeStringField("started_at", SimFormats.timestamp(v.startedAt()));
        g.writeStringField("campaign", v.campaign());
        g.writeStringField("query_term", v.queryTerm());
        g.writeStringField("lf_client_id", v.lfClientId());
        stringArray(g, "ga_client_ids", v.gaClientIds());
        g.writeStringField("country_code", v.countryCode());
        g.writeStringField("device_type", v.deviceType());
        g.writeStringField("visitor_email", v.visitorEmail());
        g.writeStringField("visitor_first_name", v.visitorFirstName());
        g.writeStringField("visitor_last_name", v.visitorLastName());
        g.writeStringField("date", v.date().toString());
        g.writeNumberField("hour", v.hour());
        g.writeStringField("lead_id", v.leadId());
        g.writeEndObject();
        location(g, v.locationId());
        g.writeEndObject();
    }

    private static void lead(JsonGenerator g, SimLead lead) throws IOException {
        var c = lead.company();
        g.writeStartObject();
        g.writeStringField("id", c.leadId());
        g.writeStringField("type", "leads");
        g.writeObjectFieldStart("attributes");
        g.writeStringField("name", c.name());
        g.writeStringField("industry", c.industry());
        g.writeArrayFieldStart("industries");
        for (String industry : c.industries()) {
            g.writeStartObject();
            g.writeStringField("name", industry);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("first_visit_date", lead.firstVisitDate().toString());
        g.writeStringField("last_visit_date", lead.lastVisitDate().toString());
        g.writeStringField("status", c.status());
        g.writeStringField("website_url", c.websiteUrl());
        g.writeStringField("phone", c.phone());
        g.writeStringField("linkedin_url", c.linkedinUrl());
        g.writeStringField("twitter_handle", c.twitterHandle());
        g.writeStringField("facebook_url", c.facebookUrl());
        nullableNumber(g, "employee_count", c.employeeCount());
        if (c.employeesRangeMin() == null) {
            g.writeNullField("employees_range");
        } else {
            g.writeObjectFieldStart("employees_range");
            g.writeNumberField("min", c.employeesRangeMin());
            g.writeNumberField("max", c.employeesRangeMax());
            g.writeEndObject();
        }
        g.writeStringField("crm_lead_id", c.crmLeadId());
        g.writeStringField("crm_organization_id", c.crmOrganizationId());
        stringArray(g, "tags", c.tags());
        g.writeStringField("logo_url", c.logoUrl());
        g.writeStringField("assignee", c.assignee());
        g.writeStringField("business_id", c.businessId());
        g.writeStringField("revenue", c.revenue());
        g.writeStringField("emailed_to", c.emailedTo());
        g.writeStringField("view_in_leadfeeder", c.viewInLeadfeeder());
        g.writeNumberField("visits", lead.visits());
        g.writeNumberField("quality", c.quality());
        g.writeEndObject();
        location(g, c.locationId());
        g.writeEndObject();
    }

    private static void account(JsonGenerator g, SimAccount a) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", a.id());
        g.writeStringField("type", "accounts");
        g.writeObjectFieldStart("attributes");
        g.writeStringField("name", a.name());
        g.writeStringField("timezone", a.timezone().getId());
        g.writeStringField("subscription", a.subscription());
        g.writeBooleanField("on_trial", a.onTrial());
        stringArray(g, "subscription_addons", a.subscriptionAddons());
        g.writeStringField("website_tracking_status", a.websiteTrackingStatus());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void location(JsonGenerator g, String locationId) throws IOException {
        g.writeObjectFieldStart("relationships");
        g.writeObjectFieldStart("location");
        g.writeObjectFieldStart("data");
        g.writeStringField("id", locationId);
        g.writeStringField("type", "locations");
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Each referenced location once, in order of first reference. */
    private static void included(JsonGenerator g, Collection<String> locationIds,
            Function<String, SimLocation> locations) throws IOException {
        Map<String, SimLocation> unique = new LinkedHashMap<>();
        for (String id : locationIds) {
            unique.computeIfAbsent(id, locations);
        }
        g.writeArrayFieldStart("included");
        for (SimLocation l : unique.values()) {
            g.writeStartObject();
            g.writeStringField("id", l.id());
            g.writeStringField("type", "locations");
            g.writeObjectFieldStart("attributes");
            g.writeStringField("country", l.country());
            g.writeStringField("country_code", l.countryCode());
            g.writeStringField("region", l.region());
            g.writeStringField("region_code", l.regionCode());
            g.writeStringField("city", l.city());
            g.writeStringField("state_code", l.stateCode());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A page's links; as JSON:API link objects ({@code {"href": …}}), which the spec allows, or URL strings. */
    private static void links(JsonGenerator g, Map<String, String> links, boolean asObjects) throws IOException {
        g.writeObjectFieldStart("links");
        for (Map.Entry<String, String> link : links.entrySet()) {
            if (asObjects) {
                g.writeObjectFieldStart(link.getKey());
                g.writeStringField("href", link.getValue());
                g.writeEndObject();
            } else {
                g.writeStringField(link.getKey(), link.getValue());
            }
        }
        g.writeEndObject();
    }

    private static void stringArray(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private static void nullableNumber(JsonGenerator g, String name, Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }
}
