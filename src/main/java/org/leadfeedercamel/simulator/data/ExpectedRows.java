package org.leadfeedercamel.simulator.data;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows a correct sync of a date window writes, per table of the product brief, keyed by column
 * name: from the classic API (account-local dates) or, by the {@code v1} methods, from the unified API
 * (UTC dates). Values follow the loading rules: {@code ""} becomes null, arrays stay lists (JSON in the
 * table), dates are {@link LocalDate}, {@code started_at} an {@link java.time.Instant}. Sync metadata
 * ({@code _synced_at}, {@code _run_id}, {@code _extra}) is the connector's and not part of these rows.
 */
public final class ExpectedRows {

    private final Dataset dataset;

    public ExpectedRows(Dataset dataset) {
        this.dataset = dataset;
    }

    /** {@code raw_leadfeeder__accounts}. */
    public List<Map<String, Object>> accounts() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SimAccount a : dataset.accounts()) {
            rows.add(row("account_id", a.id(), "name", a.name(), "timezone", a.timezone().getId(),
                    "subscription", a.subscription(), "on_trial", a.onTrial(),
                    "website_tracking_status", a.websiteTrackingStatus()));
        }
        return rows;
    }

    /** {@code raw_leadfeeder__visits}, newest first. */
    public List<Map<String, Object>> visits(String accountId, LocalDate from, LocalDate to) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SimVisit v : dataset.visits(accountId, from, to)) {
            rows.add(row("account_id", accountId, "visit_id", v.id(), "lead_id", v.leadId(),
                    "location_id", v.locationId(), "source", v.source(), "medium", v.medium(),
                    "referring_url", v.referringUrl(), "landing_page_path", v.landingPagePath(),
                    "keyword", v.keyword(), "query_term", v.queryTerm(), "campaign", v.campaign(),
                    "page_depth", v.pageDepth(), "visit_length", v.visitLength(), "started_at", v.startedAt(),
                    "visit_date", v.date(), "visit_hour", v.hour(), "lf_client_id", v.lfClientId(),
                    "ga_client_ids", v.gaClientIds(), "country_code", v.countryCode(),
                    "device_type", v.deviceType(), "visitor_email", v.visitorEmail(),
                    "visitor_first_name", v.visitorFirstName(), "visitor_last_name", v.visitorLastName()));
        }
        return rows;
    }

    /** {@code raw_leadfeeder__visit_routs}: one row per route entry, {@code page_number} from 1. */
    public List<Map<String, Object>> visitRoutes(String accountId, LocalDate from, LocalDate to) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SimVisit v : dataset.visits(accountId, from, to)) {
            int number = 1;
            for (SimRoutePage p : v.route()) {
                rows.add(row("account_id", accountId, "visit_id", v.id(), "page_number", number++,
                        "hostname", p.hostname(), "page_path", p.pagePath(),
                        "previous_page_path", p.previousPagePath(), "time_on_page", p.timeOnPage(),
                        "page_title", p.pageTitle(), "page_url", p.pageUrl(),
                        "display_page_name", p.displayPageName(), "event_type", null, "has_met_goals", null));
            }
        }
        return rows;
    }

    /**
     * {@code raw_leadfeeder__leads} as one query over the whole window answers them. A sync over
     * several narrower windows ends with the same first and last visit dates (they only widen), while
     * {@code visits} is then the figure of whichever window was read last.
     */
    public List<Map<String, Object>> leads(String accountId, LocalDate from, LocalDate to) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SimLead lead : dataset.leads(accountId, from, to)) {
            SimCompany c = lead.company();
            rows.add(row("account_id", accountId, "lead_id", c.leadId(), "name", c.name(),
                    "industry", c.industry(),
                    "industries", c.industries().stream().map(name -> Map.of("name", name)).toList(),
                    "first_visit_date", lead.firstVisitDate(), "last_visit_date", lead.lastVisitDate(),
                    "status", c.status(), "website_url", c.websiteUrl(), "phone", c.phone(),
                    "linkedin_url", c.linkedinUrl(), "twitter_handle", c.twitterHandle(),
                    "facebook_url", c.facebookUrl(), "employee_count", c.employeeCount(),
                    "employees_range_min", c.employeesRangeMin(), "employees_range_max", c.employeesRangeMax(),
                    "crm_lead_id", c.crmLeadId(), "crm_organization_id", c.crmOrganizationId(),
                    "tags", c.tags(), "logo_url", c.logoUrl(), "assignee", c.assignee(),
                    "business_id", c.businessId(), "revenue", c.revenue(), "emailed_to", c.emailedTo(),
                    "view_in_leadfeeder", c.viewInLeadfeeder(), "visits", lead.visits(), "quality", c.quality(),
                    "location_id", c.locationId()));
        }
        return rows;
    }

    /** {@code raw_leadfeeder__locations}: every location the window's visits and leads reference, by id. */
    public List<Map<String, Object>> locations(String accountId, LocalDate from, LocalDate to) {
        Map<String, SimLocation> referenced = new TreeMap<>();
        for (SimVisit v : dataset.visits(accountId, from, to)) {
            referenced.computeIfAbsent(v.locationId(), dataset::location);
        }
        for (SimLead lead : dataset.leads(accountId, from, to)) {
            referenced.computeIfAbsent(lead.company().locationId(), dataset::location);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SimLocation l : referenced.values()) {
            rows.add(row("account_id", accountId, "location_id", l.id(), "country", l.country(),
                    "country_code", l.countryCode(), "region", l.region(), "region_code", l.regionCode(),
                    "city", l.city(), "state_code", l.stateCode()));
        }
        return rows;
    }

    /**
     * The visits table as a connector fills it from the unified API's {@code POST /v1/web-visits} for a
     * window of UTC dates, newest first. Fields /v1 does not serve (query term, local date and hour) are null.
     */
    public List<Map<String, Object>> v1Visits(String accountId, LocalDate from, LocalDate to) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SimVisit v : dataset.visits(accountId, from, to, ZoneOffset.UTC)) {
            rows.add(row("account_id", accountId, "visit_id", v.id(), "lead_id", v.leadId(),
                    "location_id", v.locationId(), "source", v.source(), "medium", v.medium(),
                    "referring_url", v.referringUrl(), "landing_page_path", v.landingPagePath(),
                    "keyword", v.keyword(), "query_term", null, "campaign", v.campaign(),
                    "page_depth", v.pageDepth(), "visit_length", v.visitLength(), "started_at", v.startedAt(),
                    "visit_date", null, "visit_hour", null, "lf_client_id", v.lfClientId(),
                    "ga_client_ids", v.gaClientIds(), "country_code", dataset.location(v.locationId()).countryCode(),
                    "device_type", v.deviceType(), "visitor_email", v.visitorEmail(),
                    "visitor_first_name", v.visitorFirstName(), "visitor_last_name", v.visitorLastName()));
        }
        return rows;
    }

    /** The visit routes from /v1 engagements for a window of UTC dates: one row per engagement, from 1. */
    public List<Map<String, Object>> v1VisitRoutes(String accountId, LocalDate from, LocalDate to) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SimVisit v : dataset.visits(accountId, from, to, ZoneOffset.UTC)) {
            int number = 1;
            for (SimRoutePage p : v.route()) {
                rows.add(row("account_id", accountId, "visit_id", v.id(), "page_number", number++,
                        "hostname", p.hostname(), "page_path", p.pagePath(),
                        "previous_page_path", p.previousPagePath(), "time_on_page", p.timeOnPage(),
                        "page_title", p.pageTitle(), "page_url", p.pageUrl(), "display_page_name", null,
                        "event_type", "page-view", "has_met_goals", UnifiedRules.hasMetGoals(p)));
            }
        }
        return rows;
    }

    /**
     * The leads table from {@code GET /v1/web-visits/companies?include=company} for a window of UTC
     * dates: one row per company, in the order its first row is served. Classic-only fields are null.
     */
    public List<Map<String, Object>> v1Leads(String accountId, LocalDate from, LocalDate to) {
        Map<String, Map<String, Object>> rows = new LinkedHashMap<>();
        for (SimCompanyLocation pair : dataset.companyLocations(accountId, from, to, ZoneOffset.UTC)) {
            SimCompany c = pair.company();
            if (rows.containsKey(c.leadId())) {
                continue;
            }
            List<Map<String, String>> industries = UnifiedRules.industries(c);
            rows.put(c.leadId(), row("account_id", accountId, "lead_id", c.leadId(), "name", c.name(),
                    "industry", industries.isEmpty() ? null : industries.get(0).get("name"),
                    "industries", industries, "first_visit_date", null, "last_visit_date", pair.lastVisitDate(),
                    "status", null, "website_url", c.websiteUrl(), "phone", null,
                    "linkedin_url", c.linkedinUrl(), "twitter_handle", c.twitterHandle(),
                    "facebook_url", c.facebookUrl(), "employee_count", c.employeeCount(),
                    "employees_range_min", c.employeesRangeMin(), "employees_range_max", c.employeesRangeMax(),
                    "crm_lead_id", null, "crm_organization_id", null, "tags", null, "logo_url", c.logoUrl(),
                    "assignee", null, "business_id", c.businessId(), "revenue", UnifiedRules.revenue(c),
                    "emailed_to", null, "view_in_leadfeeder", null, "visits", null, "quality", null,
                    "location_id", null));
        }
        return new ArrayList<>(rows.values());
    }

    /** The locations /v1 references for a window of UTC dates (visits and company-location rows), by id. */
    public List<Map<String, Object>> v1Locations(String accountId, LocalDate from, LocalDate to) {
        Map<String, SimLocation> referenced = new TreeMap<>();
        for (SimVisit v : dataset.visits(accountId, from, to, ZoneOffset.UTC)) {
            referenced.computeIfAbsent(v.locationId(), dataset::location);
        }
        for (SimCompanyLocation pair : dataset.companyLocations(accountId, from, to, ZoneOffset.UTC)) {
            referenced.computeIfAbsent(pair.locationId(), dataset::location);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SimLocation l : referenced.values()) {
            rows.add(row("account_id", accountId, "location_id", l.id(), "country", l.country(),
                    "country_code", l.countryCode(), "region", l.region(), "region_code", null,
                    "city", l.city(), "state_code", null));
        }
        return rows;
    }

    /** Builds a row from name/value pairs, loading {@code ""} as null. */
    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            row.put((String) pairs[i], "".equals(value) ? null : value);
        }
        return row;
    }
}
