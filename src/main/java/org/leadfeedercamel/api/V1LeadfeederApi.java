package org.leadfeedercamel.api;

import static org.leadfeedercamel.api.ApiHost.encode;

import java.net.URI;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.leadfeedercamel.mapping.PageMapping;
import org.leadfeedercamel.mapping.V1RecordMapper;
import org.leadfeedercamel.run.SyncWindow;

/**
 * The unified API ({@code X-Api-Key}, {@code /v1/…}). It searches visits with a POST whose JSON body
 * holds the window's dates; its companies (the leads stream) and everything else are GETs. It has no
 * links: pages are numbered with {@code page[num]}, and {@code meta.pagination} reports the true
 * {@code total_count} and {@code page_count}; a page past the result cap answers 416. The sync numbers the
 * pages itself and stops at {@code page_count} or the pages the cap fills, whichever comes first, so a
 * window ends whatever the counts say; a page answered under another {@code page_num} than asked is refused.
 */
public final class V1LeadfeederApi implements LeadfeederApi {

    private static final String VISITS = "/v1/web-visits";
    private static final String COMPANIES = "/v1/web-visits/companies";
    private static final String PAGE = "page[num]";
    private static final String ACCEPT = "application/json";

    private final URI base;
    private final int pageSize;
    private final int resultCap;
    private final int monthlyQuota;
    private final V1RecordMapper mapper;

    public V1LeadfeederApi(URI base, int pageSize, int resultCap, int monthlyQuota, V1RecordMapper mapper) {
        this.base = base;
        this.pageSize = pageSize;
        this.resultCap = resultCap;
        this.monthlyQuota = monthlyQuota;
        this.mapper = mapper;
    }

    @Override
    public String label() {
        return "v1";
    }

    @Override
    public String description() {
        return "the unified /v1 API";
    }

    @Override
    public ApiRequest accounts() {
        return new ApiRequest(base + "/v1/accounts", "GET", null, ACCEPT, null, 0);
    }

    @Override
    public ApiRequest firstPage(SyncWindow window) {
        String paging = "&include=company&" + encode(PAGE) + "=1&" + encode("page[size]") + "=" + pageSize;
        if ("visits".equals(window.stream())) {
            // two ISO dates: nothing in them needs escaping
            return new ApiRequest(base + VISITS + "?account_id=" + encode(window.accountId()) + paging, "POST",
                    "{\"start_date\":\"" + window.from() + "\",\"end_date\":\"" + window.to() + "\"}", ACCEPT, window, 1);
        }
        return new ApiRequest(base + COMPANIES + "?account_id=" + encode(window.accountId()) + "&start_date=" + window.from()
                + "&end_date=" + window.to() + paging, "GET", null, ACCEPT, window, 1);
    }

    @Override
    public Paging paging(Map<String, Object> document, ApiRequest request) {
        boolean empty = PageDocument.data(document, request).isEmpty();
        Map<?, ?> meta = document.get("meta") instanceof Map<?, ?> m ? m : Map.of();
        // meta.pagination on the live API; flat meta as in some third-party fixtures
        Map<?, ?> pagination = meta.get("pagination") instanceof Map<?, ?> p ? p : meta;
        Long total = number(pagination.get("total_count"));
        Long pages = number(pagination.get("page_count"));
        long reachable = (resultCap + pageSize - 1L) / pageSize;
        long last = Math.min(reachable, pages != null ? pages : total != null
                ? (total + pageSize - 1) / pageSize : Long.MAX_VALUE);
        int number = request.page();
        Long answered = number(pagination.get("page_num"));
        if (!empty && answered != null && answered != number) {
            // the connector numbers the pages itself, so this is the one way the API can loop or skip: answering another page
            throw BrokenPagingException.otherPage(answered, number, request.url());
        }
        ApiRequest next = empty || number >= last ? null : new ApiRequest(withPage(request.url(), number + 1),
                request.method(), request.body(), ACCEPT, request.window(), number + 1);
        return new Paging(next, last == Long.MAX_VALUE ? null : (int) last, number == 1 && total != null && total > resultCap, total);
    }

    /** /v1 filters on UTC dates and tells no account timezone. */
    @Override
    public ZoneId accountZone(String timezone) {
        return ZoneOffset.UTC;
    }

    @Override
    public PageMapping mapping(String stream) {
        return "visits".equals(stream) ? mapper.visits() : mapper.companies();
    }

    @Override
    public Integer monthlyQuota() {
        return monthlyQuota;
    }

    private static Long number(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    /** The same request for another page number. */
    static String withPage(String url, int number) {
        String parameter = encode(PAGE) + "=";
        int start = url.indexOf(parameter);
        if (start < 0) {
            throw new IllegalArgumentException("no page number in " + url);
        }
        int end = url.indexOf('&', start);
        return url.substring(0, start) + parameter + number + (end < 0 ? "" : url.substring(end));
    }
}
