package org.leadfeedercamel.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.run.SyncWindow;

/**
 * The rows one API page yields, per table, ready for one parameterised batch each, and where they come
 * from: the run, the window, and how the API's records of that stream map. Locations are keyed by id
 * so each is written once per page.
 */
public final class PageRows {

    private final String runId;
    private final OffsetDateTime syncedAt;
    private final SyncWindow window;
    private final PageMapping mapping;
    private final List<Map<String, Object>> visits = new ArrayList<>();
    private final List<Map<String, Object>> routes = new ArrayList<>();
    private final List<Map<String, Object>> routeLengths = new ArrayList<>();
    private final List<Map<String, Object>> leads = new ArrayList<>();
    private final Map<String, Map<String, Object>> locations = new LinkedHashMap<>();
    private final List<Map<String, Object>> rejected = new ArrayList<>();
    private final List<Map<String, Object>> accounts = new ArrayList<>();
    private final Set<String> withdrawn = new HashSet<>();
    private final Set<String> leadIds = new HashSet<>();
    private List<Map<String, Object>> locationsToWrite = List.of();
    private List<Map<String, Object>> accountsToWrite = List.of();
    private boolean last;

    /** The rows of a page read in {@code window}, mapped the way {@code mapping} says. */
    public PageRows(SyncRun run, SyncWindow window, PageMapping mapping) {
        this.runId = run.runId();
        this.syncedAt = OffsetDateTime.now(run.clock());
        this.window = window;
        this.mapping = mapping;
    }

    /** The rows of the account list, which belongs to no account and no window. */
    public static PageRows accounts(SyncRun run) {
        return new PageRows(run, null, null);
    }

    public String runId() {
        return runId;
    }

    /** The account the page belongs to; null for the accounts list. */
    public String accountId() {
        return window == null ? null : window.accountId();
    }

    public OffsetDateTime syncedAt() {
        return syncedAt;
    }

    /** The window the page was read in; null for the accounts list. */
    public SyncWindow window() {
        return window;
    }

    /** First day of the window the page was read in; null for the accounts list. */
    public LocalDate windowFrom() {
        return window == null ? null : window.from();
    }

    public LocalDate windowTo() {
        return window == null ? null : window.to();
    }

    PageMapping mapping() {
        return mapping;
    }

    /** Whether this is its window's last page, whose commit completes the window. */
    public boolean isLast() {
        return last;
    }

    public void markLast() {
        last = true;
    }

    public List<Map<String, Object>> getVisits() {
        return visits;
    }

    public List<Map<String, Object>> getRoutes() {
        return routes;
    }

    /**
     * One row per visit of the page: its route's length, so route rows a visit no longer has (its route
     * got shorter since it was last read) are deleted with the page.
     */
    public List<Map<String, Object>> getRouteLengths() {
        return routeLengths;
    }

    public List<Map<String, Object>> getLeads() {
        return leads;
    }

    public List<Map<String, Object>> getLocations() {
        return new ArrayList<>(locations.values());
    }

    /** The locations the write upserts: those of {@link #getLocations} the run has not written yet. */
    public List<Map<String, Object>> getLocationsToWrite() {
        return locationsToWrite;
    }

    public void setLocationsToWrite(List<Map<String, Object>> rows) {
        locationsToWrite = rows;
    }

    public List<Map<String, Object>> getRejected() {
        return rejected;
    }

    /** Every account the credential sees, as mapped. */
    public List<Map<String, Object>> getAccounts() {
        return accounts;
    }

    /** The accounts the write upserts: those of {@link #getAccounts} that are configured to sync. */
    public List<Map<String, Object>> getAccountsToWrite() {
        return accountsToWrite;
    }

    public void setAccountsToWrite(List<Map<String, Object>> rows) {
        accountsToWrite = rows;
    }

    public void addAccount(Map<String, Object> row) {
        accounts.add(row);
    }

    public void addVisit(Map<String, Object> row) {
        visits.add(row);
    }

    /** A visit's route has {@code length} entries (rows 1..length); rows past it are stale. */
    void addRouteLength(String visitId, int length) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("account_id", accountId());
        row.put("visit_id", visitId);
        row.put("route_length", length);
        routeLengths.add(row);
    }

    /** Takes back a visit and the route rows it had so far, when a later part of it cannot be mapped. */
    void withdrawVisit(String visitId) {
        withdrawn.add(visitId);
        visits.removeIf(row -> visitId.equals(row.get("visit_id")));
        routes.removeIf(row -> visitId.equals(row.get("visit_id")));
        routeLengths.removeIf(row -> visitId.equals(row.get("visit_id")));
    }

    boolean isWithdrawn(String visitId) {
        return withdrawn.contains(visitId);
    }

    public void addRoute(Map<String, Object> row) {
        routes.add(row);
    }

    public void addLead(Map<String, Object> row) {
        leads.add(row);
    }

    /** Adds a lead unless the page has it already (the same company on two rows of one page). */
    void addLeadOnce(String leadId, Map<String, Object> row) {
        if (leadIds.add(leadId)) {
            leads.add(row);
        }
    }

    public void addLocation(String id, Map<String, Object> row) {
        locations.put(id, row);
    }

    public void addRejected(Map<String, Object> row) {
        rejected.add(row);
    }
}
