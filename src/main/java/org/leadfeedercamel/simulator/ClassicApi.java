package org.leadfeedercamel.simulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.leadfeedercamel.simulator.data.Dataset;
import org.leadfeedercamel.simulator.data.Page;
import org.leadfeedercamel.simulator.data.SimAccount;
import org.leadfeedercamel.simulator.data.SimLead;
import org.leadfeedercamel.simulator.data.SimVisit;
import org.leadfeedercamel.simulator.http.SimRequest;
import org.leadfeedercamel.simulator.http.SimResponse;
import org.leadfeedercamel.simulator.http.SimulatorHttpServer;

/**
 * The classic Leadfeeder API (`Authorization: Token token=…`), answering the way
 * {@code leadfeeder-api.md} §8 describes: auth, then the rate limit, then injected faults, then the
 * account's visibility and plan, then parameters, then data.
 */
final class ClassicApi implements SimulatorHttpServer.Handler {

    static final String PAGE_NUMBER = "page[number]";
    static final String PAGE_SIZE = "page[size]";
    static final int DEFAULT_PAGE_SIZE = 10;
    static final int MAX_PAGE_SIZE = 100;

    private final Dataset dataset;
    private final Map<String, Set<String>> tokens;
    private final CalendarWindowRateLimiter rateLimiter;
    private final boolean retryAfter;
    private final boolean acceptBearer;
    private final int resultCap;
    private final FaultInjector faults;
    private final Set<String> brokenAccounts;
    private final SimulatorStats stats;
    private final LateArrivals arrivals;
    private final ClassicShapes shapes;

    ClassicApi(Dataset dataset, Map<String, Set<String>> tokens, CalendarWindowRateLimiter rateLimiter,
            boolean retryAfter, boolean acceptBearer, int resultCap, FaultInjector faults, Set<String> brokenAccounts,
            SimulatorStats stats, ClassicShapes shapes) {
        this.dataset = dataset;
        this.tokens = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tokens)); // null = every account
        this.rateLimiter = rateLimiter;
        this.retryAfter = retryAfter;
        this.acceptBearer = acceptBearer;
        this.resultCap = resultCap;
        this.faults = faults;
        this.brokenAccounts = Set.copyOf(brokenAccounts);
        this.stats = stats;
        this.arrivals = new LateArrivals(dataset, faults);
        this.shapes = shapes;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String[] path = segments(request.path());
        if (!"GET".equals(request.method()) || path.length == 0 || !"accounts".equals(path[0]) || path.length > 5) {
            return notFound();
        }
        String token = token(request.header("Authorization"));
        if (token == null) {
            return SimResponse.text(401, "text/plain; charset=utf-8", "HTTP Token: Access denied.\n")
                    .withHeader("WWW-Authenticate", "Token realm=\"Application\"");
        }
        CalendarWindowRateLimiter.Decision decision = rateLimiter.acquire(token);
        if (!decision.allowed()) {
            SimResponse limited = SimResponse.json(429,
                    ClassicJson.rateLimited(rateLimiter.limit(), rateLimiter.window().toSeconds()));
            return retryAfter ? limited.withHeader("Retry-After", String.valueOf(decision.secondsToReset())) : limited;
        }
        Fault fault = faults.next();
        SimResponse response = route(request, path, tokens.get(token), fault != null && fault.paging() ? fault : null);
        return fault == null || fault.paging() ? response : InjectedFaults.apply(fault, response, faults,
                ClassicJson.error(500, "Internal Server Error", null), stats);
    }

    /** The answer to an authorised request; {@code lie}, a paging fault or null, bends the links of a list page. */
    private SimResponse route(SimRequest request, String[] path, Set<String> visible, Fault lie) {
        if (path.length == 1) {
            List<SimAccount> accounts = dataset.accounts().stream()
                    .filter(a -> visible == null || visible.contains(a.id())).toList();
            return SimResponse.json(200, ClassicJson.accounts(accounts, Map.of("self", url(request, request.query()))));
        }
        String accountId = path[1];
        Optional<SimAccount> found = dataset.account(accountId);
        if (found.isEmpty() || (visible != null && !visible.contains(accountId))) {
            return error(403, "You do not have access to account " + accountId);
        }
        SimAccount account = found.get();
        if (path.length == 2) {
            return SimResponse.json(200, ClassicJson.account(account));
        }
        String collection = path[2];
        if ("custom-feeds".equals(collection)) {
            if (path.length == 3) {
                return SimResponse.json(200, ClassicJson.customFeeds(account, null));
            }
            if (path.length == 4 && ClassicJson.hasFeed(account, path[3])) {
                return SimResponse.json(200, ClassicJson.customFeeds(account, path[3]));
            }
            return notFound();
        }
        boolean leads = "leads".equals(collection);
        boolean visits = "visits".equals(collection) && path.length == 3;
        boolean leadVisits = leads && path.length == 5 && "visits".equals(path[4]);
        if (!(leads && path.length <= 4) && !visits && !leadVisits) {
            return notFound();
        }
        if (brokenAccounts.contains(accountId)) {
            return error(500, "Internal server error");
        }
        if (!account.premium()) {
            return error(402, "Your subscription does not include API access to leads and visits. "
                    + "A Premium or Trial subscription is needed.");
        }
        if (leads && path.length == 4) {
            return dataset.lead(accountId, path[3])
                    .map(lead -> SimResponse.json(200, ClassicJson.lead(lead, dataset::location)))
                    .orElseGet(ClassicApi::notFound);
        }
        if (leadVisits && !dataset.knowsLead(accountId, path[3])) {
            return notFound();
        }
        Query query;
        try {
            query = Query.parse(request.query());
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        int offset = (int) Math.min(Integer.MAX_VALUE, (query.number - 1L) * query.size);
        // the cap is silent: pages past it are empty, and `last` counts only what the cap lets through
        int limit = Math.max(0, Math.min(query.size, resultCap - offset));
        if (leads && !leadVisits) {
            Page<SimLead> page = dataset.leads(accountId, query.from, query.to, offset, limit);
            return SimResponse.json(200, ClassicJson.leads(page.items(), dataset::location,
                    links(request, query, page.total(), lie), shapes));
        }
        Page<SimVisit> page = leadVisits
                ? dataset.leadVisits(accountId, path[3], query.from, query.to, offset, limit)
                : dataset.visits(accountId, query.from, query.to, offset, limit);
        SimResponse response = SimResponse.json(200, ClassicJson.visits(page.items(), dataset::location,
                links(request, query, page.total(), lie), shapes));
        if (visits) {
            arrivals.visitPageServed(accountId);
        }
        return response;
    }

    private Map<String, String> links(SimRequest request, Query query, int total, Fault lie) {
        int capped = Math.min(total, resultCap);
        int lastPage = (capped + query.size - 1) / query.size;
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", url(request, query.withPage(query.number)));
        int next = query.number < lastPage ? query.number + 1 : 0;
        if (lie != null) {
            next = switch (lie) {
                case NEXT_SELF -> query.number;
                case NEXT_BACKWARDS -> query.number > 1 ? query.number - 1 : next; // page 1 has no page before it
                case NEXT_PAST_LAST -> lastPage + 1;
                default -> next;
            };
            stats.faulted(lie);
        }
        if (next > 0) {
            links.put("next", url(request, query.withPage(next)));
        }
        if (lastPage > 0) {
            links.put("last", url(request, query.withPage(lastPage)));
        }
        return links;
    }

    /** The token of a well-formed header naming a known token, else null. */
    private String token(String header) {
        if (header == null) {
            return null;
        }
        String candidate = null;
        if (header.startsWith("Token token=")) {
            candidate = header.substring("Token token=".length()).trim();
            if (candidate.length() >= 2 && candidate.startsWith("\"") && candidate.endsWith("\"")) {
                candidate = candidate.substring(1, candidate.length() - 1);
            }
        } else if (acceptBearer && header.startsWith("Bearer ")) {
            candidate = header.substring("Bearer ".length()).trim();
        }
        if (candidate == null) {
            return null;
        }
        return Credentials.match(candidate, tokens.keySet());
    }

    /** An absolute URL on the host the client called, with sorted, percent-encoded parameters. */
    private static String url(SimRequest request, Map<String, String> params) {
        String host = request.header("Host");
        StringBuilder url = new StringBuilder("http://").append(host == null ? "localhost" : host).append(request.path());
        String separator = "?";
        for (Map.Entry<String, String> param : new TreeMap<>(params).entrySet()) {
            url.append(separator).append(encode(param.getKey())).append('=').append(encode(param.getValue()));
            separator = "&";
        }
        return url.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static SimResponse error(int status, String detail) {
        return SimResponse.json(status, ClassicJson.error(status, SimulatorHttpServer.reason(status), detail));
    }

    private static SimResponse notFound() {
        return error(404, "The requested resource could not be found.");
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    /** The validated date window and page of a list request, and the rest of its parameters for links. */
    private record Query(LocalDate from, LocalDate to, int number, int size, Map<String, String> others) {

        static Query parse(Map<String, String> params) {
            LocalDate from = date(params.get("start_date"));
            LocalDate to = date(params.get("end_date"));
            if (from == null || to == null) {
                throw new IllegalArgumentException("start_date and end_date are required (YYYY-MM-DD)");
            }
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("start_date must not be after end_date");
            }
            int number = integer(params, PAGE_NUMBER, 1);
            int size = integer(params, PAGE_SIZE, DEFAULT_PAGE_SIZE);
            if (number < 1) {
                throw new IllegalArgumentException("page[number] must be 1 or more");
            }
            if (size < 1 || size > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("page[size] must be between 1 and " + MAX_PAGE_SIZE);
            }
            Map<String, String> others = new LinkedHashMap<>(params);
            others.remove(PAGE_NUMBER);
            others.remove(PAGE_SIZE);
            return new Query(from, to, number, size, others);
        }

        Map<String, String> withPage(int page) {
            Map<String, String> params = new LinkedHashMap<>(others);
            params.put(PAGE_NUMBER, String.valueOf(page));
            params.put(PAGE_SIZE, String.valueOf(size));
            return params;
        }

        /** YYYY-MM-DD; a timestamp is read by its date part, as Rails' Date.parse would. */
        private static LocalDate date(String value) {
            if (value == null || value.length() < 10 || (value.length() > 10 && value.charAt(10) != 'T')) {
                return null;
            }
            try {
                return LocalDate.parse(value.substring(0, 10));
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        private static int integer(Map<String, String> params, String key, int fallback) {
            String value = params.get(key);
            if (value == null) {
                return fallback;
            }
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a whole number, got '" + value + "'");
            }
        }
    }
}
