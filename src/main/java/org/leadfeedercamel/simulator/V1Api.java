package org.leadfeedercamel.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.leadfeedercamel.simulator.data.Dataset;
import org.leadfeedercamel.simulator.data.Page;
import org.leadfeedercamel.simulator.data.SimAccount;
import org.leadfeedercamel.simulator.data.SimCompanyLocation;
import org.leadfeedercamel.simulator.data.SimLead;
import org.leadfeedercamel.simulator.data.SimLocation;
import org.leadfeedercamel.simulator.data.SimVisit;
import org.leadfeedercamel.simulator.http.SimRequest;
import org.leadfeedercamel.simulator.http.SimResponse;
import org.leadfeedercamel.simulator.http.SimulatorHttpServer;

/**
 * Leadfeeder's unified API ({@code /v1}, {@code X-Api-Key}) over the same dataset as the classic one,
 * per leadfeeder-api-v1.md §7. Checks in this order: the key, the per-key token bucket, the monthly
 * quota, injected faults (data endpoints), the account's visibility and plan, the parameters, the
 * search depth, then data. Date windows are UTC dates of {@code started_at}.
 */
final class V1Api implements SimulatorHttpServer.Handler {

    static final String TOO_MANY_REQUESTS = "You've exceeded the maximum amount of allowed requests. Please try again later.";
    private static final String WEB_VISITS = "/v1/web-visits";
    private static final String COMPANIES = "/v1/web-visits/companies";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Dataset dataset;
    private final Map<String, Set<String>> keys;
    private final boolean docsErrors;
    private final TokenBucket bucket;
    private final MonthlyQuota quota;
    private final boolean retryAfter;
    private final int resultCap;
    private final FaultInjector faults;
    private final Set<String> brokenAccounts;
    private final SimulatorStats stats;
    private final LateArrivals arrivals;

    V1Api(Dataset dataset, Map<String, Set<String>> keys, boolean docsErrors, TokenBucket bucket, MonthlyQuota quota,
            boolean retryAfter, int resultCap, FaultInjector faults, Set<String> brokenAccounts, SimulatorStats stats) {
        this.dataset = dataset;
        this.keys = new LinkedHashMap<>(keys); // a null value: the key sees every account
        this.docsErrors = docsErrors;
        this.bucket = bucket;
        this.quota = quota;
        this.retryAfter = retryAfter;
        this.resultCap = resultCap;
        this.faults = faults;
        this.brokenAccounts = Set.copyOf(brokenAccounts);
        this.stats = stats;
        this.arrivals = new LateArrivals(dataset, faults);
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String given = request.header("X-Api-Key");
        if (given == null || given.isBlank()) {
            return authError("missing_token", "You need to pass a header named `X-Api-Key` that contains a valid API key.");
        }
        String key = Credentials.match(given, keys.keySet());
        if (key == null) {
            return authError("invalid_api_key", "The provided API key is invalid. Please generate a new API key.");
        }
        TokenBucket.Decision decision = bucket.acquire(key);
        if (!decision.allowed()) {
            SimResponse limited = limitError("too_many_requests", TOO_MANY_REQUESTS);
            return retryAfter ? limited.withHeader("Retry-After", String.valueOf(decision.secondsToToken())) : limited;
        }
        if (!quota.spend(key)) {
            return limitError("quota_exceeded", "This API key has used up its " + quota.quota()
                    + " requests for this month. The quota resets on " + quota.nextReset() + ".");
        }
        Set<String> visible = keys.get(key);
        String path = request.path().endsWith("/") ? request.path().substring(0, request.path().length() - 1)
                : request.path();
        if ("GET".equals(request.method()) && "/v1/accounts".equals(path)) {
            return accounts(request.query().get("account_id"), visible, quota.used(key));
        }
        boolean visits = "POST".equals(request.method()) && WEB_VISITS.equals(path);
        boolean companies = "GET".equals(request.method()) && COMPANIES.equals(path);
        if (!visits && !companies) {
            return error(404, "entity_not_found", "Not found", "No such resource: " + request.method() + " " + request.path());
        }
        Fault fault = faults.next();
        Fault lie = fault != null && fault.paging() ? fault : null;
        SimResponse response;
        try {
            response = visits ? webVisits(request, visible, lie) : visitorCompanies(request.query(), visible, lie);
        } catch (V1Rejection rejected) {
            response = error(rejected.status, rejected.code, rejected.title, rejected.getMessage());
        }
        return fault == null || lie != null ? response : InjectedFaults.apply(fault, response, faults,
                errorBody("internal_server_error", "Internal Server Error", "Something went wrong."), stats);
    }

    private SimResponse webVisits(SimRequest request, Set<String> visible, Fault lie) {
        String accountId = account(request.query(), visible);
        V1Paging asked = V1Paging.parse(request.query());
        boolean include = V1Params.includeCompany(request.query());
        V1Params.VisitSearch search = V1Params.visitSearch(request.body());
        asked.checkReachable(resultCap);
        V1Paging paging = served(asked, lie);
        Page<SimVisit> page = search.filtered()
                ? filtered(accountId, search, (int) paging.offset(), paging.limit(resultCap))
                : dataset.visits(accountId, search.from(), search.to(), ZoneOffset.UTC, (int) paging.offset(),
                        paging.limit(resultCap));
        // read after the page: visits only ever join a window, so every company on the page is in it
        Map<String, SimLead> companies = include ? byId(dataset.leads(accountId, search.from(), search.to(), ZoneOffset.UTC))
                : null;
        SimResponse response = SimResponse.json(200, V1Json.webVisits(page.items(), dataset::location,
                include ? companies::get : null,
                pagination(paging, page.total(), lie)));
        arrivals.visitPageServed(accountId);
        return response;
    }

    private SimResponse visitorCompanies(Map<String, String> query, Set<String> visible, Fault lie) {
        String accountId = account(query, visible);
        V1Paging asked = V1Paging.parse(query);
        boolean include = V1Params.includeCompany(query);
        LocalDate[] window = V1Params.dates(query);
        String feed = query.get("custom_feed_id");
        if (feed != null && !ClassicJson.hasFeed(dataset.account(accountId).orElseThrow(), feed)) {
            throw new V1Rejection(404, "entity_not_found", "Not found", "No custom feed " + feed + " in account " + accountId + ".");
        }
        asked.checkReachable(resultCap);
        V1Paging paging = served(asked, lie);
        // every feed lists all visiting companies: feed criteria are not simulated
        List<SimCompanyLocation> rows = dataset.companyLocations(accountId, window[0], window[1], ZoneOffset.UTC);
        int from = (int) Math.min(rows.size(), paging.offset());
        List<SimCompanyLocation> slice = rows.subList(from, Math.min(rows.size(), from + paging.limit(resultCap)));
        return SimResponse.json(200, V1Json.companyLocations(slice, dataset::location, include,
                pagination(paging, rows.size(), lie)));
    }

    /**
     * The page a list answers: the one asked for, unless its paging lies ({@link Fault#NEXT_SELF}: page 1
     * whatever is asked; {@link Fault#NEXT_BACKWARDS}: the page before the one asked).
     */
    private V1Paging served(V1Paging asked, Fault lie) {
        if (lie == null) {
            return asked;
        }
        stats.faulted(lie);
        return switch (lie) {
            case NEXT_SELF -> new V1Paging(1, asked.size());
            case NEXT_BACKWARDS -> new V1Paging(Math.max(1, asked.num() - 1), asked.size());
            default -> asked;
        };
    }

    /** What a page says of its paging: {@link Fault#NEXT_PAST_LAST} reports a page number past the page count. */
    private static V1Json.Pagination pagination(V1Paging paging, int total, Fault lie) {
        int pageCount = paging.pageCount(total);
        return new V1Json.Pagination(lie == Fault.NEXT_PAST_LAST ? pageCount + 1 : paging.num(), pageCount, total);
    }

    /** A search with filters: a full scan of the window, in the same newest-first order. */
    private Page<SimVisit> filtered(String accountId, V1Params.VisitSearch search, int offset, int limit) {
        int total = 0;
        List<SimVisit> items = new ArrayList<>();
        for (SimVisit visit : dataset.visits(accountId, search.from(), search.to(), ZoneOffset.UTC)) {
            SimLocation location = dataset.location(visit.locationId());
            if (search.matches(visit.leadId(), location.countryCode(), location.city())) {
                if (total >= offset && items.size() < limit) {
                    items.add(visit);
                }
                total++;
            }
        }
        return new Page<>(total, items);
    }

    /** The account_id of a data request, once it is known that this key may read its web visits. */
    private String account(Map<String, String> query, Set<String> visible) {
        String accountId = V1Params.required(query, "account_id");
        Optional<SimAccount> found = dataset.account(accountId);
        if (found.isEmpty() || (visible != null && !visible.contains(accountId))) {
            throw new V1Rejection(403, "forbidden", "Forbidden", "This API key cannot access account " + accountId + ".");
        }
        if (brokenAccounts.contains(accountId)) {
            throw new V1Rejection(500, "internal_server_error", "Internal Server Error", "Something went wrong.");
        }
        if (!found.get().premium()) {
            throw new V1Rejection(403, "insufficient_entitlements", "Insufficient entitlements",
                    "The plan of account " + accountId + " does not include web visits.");
        }
        return accountId;
    }

    private static Map<String, SimLead> byId(List<SimLead> leads) {
        Map<String, SimLead> byId = new HashMap<>();
        for (SimLead lead : leads) {
            byId.put(lead.id(), lead);
        }
        return byId;
    }

    private SimResponse accounts(String accountId, Set<String> visible, int used) {
        List<Map<String, Object>> data = new ArrayList<>();
        for (SimAccount account : dataset.accounts()) {
            if (visible != null && !visible.contains(account.id())) {
                continue;
            }
            if (accountId == null) {
                data.add(Map.of("type", "account_summary", "id", account.id(), "attributes", Map.of("name", account.name())));
            } else if (accountId.equals(account.id())) {
                data.add(Map.of("type", "account", "id", account.id(), "attributes", Map.of("name", account.name(),
                        "credits", Map.of("available", quota.quota(), "used", used,
                                "remaining", Math.max(0, quota.quota() - used), "next_reset_on", quota.nextReset().toString()))));
            }
        }
        if (accountId != null && data.isEmpty()) {
            return error(403, "forbidden", "Forbidden", "This API key cannot access account " + accountId + ".");
        }
        // not paginated: the whole list in one answer, page parameters ignored
        return json(200, Map.of("data", data, "meta", Map.of("request_id", requestId())));
    }

    /** 401 with the live envelope, or in docs mode 403 with the flat body the docs show. */
    private SimResponse authError(String code, String message) {
        if (docsErrors) {
            return json(403, Map.of("code", code, "message", message));
        }
        return json(401, Map.of("errors", List.of(Map.of("code", code, "title", "Unauthorized", "detail", message)),
                "error", Map.of("code", code, "message", message), "meta", Map.of("request_id", requestId())))
                .withHeader("WWW-Authenticate", "Bearer realm=\"api.leadfeeder.com\"");
    }

    /** 429 with the envelope, or in docs mode the flat body of the rate-limits page. */
    private SimResponse limitError(String code, String message) {
        if (docsErrors) {
            return json(429, Map.of("code", code, "message", message));
        }
        return error(429, code, "Too Many Requests", message);
    }

    private SimResponse error(int status, String code, String title, String detail) {
        return SimResponse.json(status, errorBody(code, title, detail));
    }

    private static byte[] errorBody(String code, String title, String detail) {
        return bytes(Map.of("errors", List.of(Map.of("code", code, "title", title, "detail", detail)),
                "meta", Map.of("request_id", requestId())));
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }

    private static SimResponse json(int status, Object body) {
        return SimResponse.json(status, bytes(body));
    }

    private static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
