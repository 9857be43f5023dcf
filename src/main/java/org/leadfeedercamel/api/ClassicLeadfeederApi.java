package org.leadfeedercamel.api;

import static org.leadfeedercamel.api.ApiHost.abbreviate;
import static org.leadfeedercamel.api.ApiHost.encode;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;
import org.leadfeedercamel.mapping.PageMapping;
import org.leadfeedercamel.mapping.RecordMapper;
import org.leadfeedercamel.run.SyncWindow;

/**
 * The classic API ({@code Authorization: Token token=…}, {@code /accounts/…}): GETs paged by
 * {@code links.next}, numbered with {@code page[number]}. It shows the result cap only through
 * {@code links.last}: a capped result looks full, so a window whose last page lies at the cap may hold more.
 * The server writes the links, so they are checked before they are followed: onwards, no further than
 * {@code links.last}, and no more pages than the cap fills.
 */
public final class ClassicLeadfeederApi implements LeadfeederApi {

    private static final String ACCEPT = "application/vnd.api+json, application/json";

    private final URI base;
    private final int pageSize;
    private final int resultCap;
    private final RecordMapper mapper;
    /** The most pages a window reads: those the cap fills, and one more, which a server may link to and answer empty. */
    private final int maxPages;

    public ClassicLeadfeederApi(URI base, int pageSize, int resultCap, RecordMapper mapper) {
        this.base = base;
        this.pageSize = pageSize;
        this.resultCap = resultCap;
        this.mapper = mapper;
        this.maxPages = (int) Math.min(Integer.MAX_VALUE, (resultCap + (long) pageSize - 1) / pageSize + 1);
    }

    @Override
    public String label() {
        return "classic";
    }

    @Override
    public String description() {
        return "the classic API";
    }

    @Override
    public ApiRequest accounts() {
        return new ApiRequest(base + "/accounts", "GET", null, ACCEPT, null, 0);
    }

    @Override
    public ApiRequest firstPage(SyncWindow window) {
        return new ApiRequest(base + "/accounts/" + encode(window.accountId()) + "/" + window.stream()
                + "?start_date=" + window.from() + "&end_date=" + window.to()
                + "&" + encode("page[number]") + "=1&" + encode("page[size]") + "=" + pageSize, "GET", null, ACCEPT, window, 1);
    }

    @Override
    public Paging paging(Map<String, Object> document, ApiRequest request) {
        boolean empty = PageDocument.data(document, request).isEmpty();
        Object linksValue = document.get("links");
        if (linksValue != null && !(linksValue instanceof Map<?, ?>)) {
            throw new MalformedPageException("links is not an object in the page from " + request.url());
        }
        Map<?, ?> links = linksValue == null ? Map.of() : (Map<?, ?>) linksValue;
        String lastLink = link("last", links.get("last"));
        String nextLink = link("next", links.get("next"));
        Map<String, Integer> last = pageOf(lastLink);
        boolean beyondCap = request.page() == 1 && last != null && (long) last.get("number") * last.get("size") >= resultCap;
        ApiRequest next = empty || nextLink == null ? null
                : new ApiRequest(followable(ApiHost.checked(nextLink, base), request, lastLink), "GET", null, ACCEPT,
                        request.window(), request.page() + 1);
        return new Paging(next, last == null ? null : last.get("number"), beyondCap, null);
    }

    /**
     * {@code next}, the {@code links.next} of the page answered to {@code request}, when it leads onwards:
     * to a later page (by {@code page[number]}, when both URLs carry one), not past {@code links.last},
     * and not beyond the pages the cap fills (the request's page is how many this window has read).
     */
    private String followable(String next, ApiRequest request, String lastLink) {
        Integer following = pageNumber(next);
        Integer current = pageNumber(request.url());
        if (following != null && current != null && following <= current) {
            throw BrokenPagingException.goesBack(following, current, next);
        }
        Integer last = pageNumber(lastLink);
        if (following != null && last != null && following > last) {
            throw BrokenPagingException.pastLast(following, last, next);
        }
        if (request.page() >= maxPages) {
            throw BrokenPagingException.beyondCap(request.page(), resultCap, pageSize, next);
        }
        return next;
    }

    @Override
    public ZoneId accountZone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException | NullPointerException e) {
            return null;
        }
    }

    @Override
    public PageMapping mapping(String stream) {
        return "visits".equals(stream) ? mapper.visits() : mapper.leads();
    }

    @Override
    public Integer monthlyQuota() {
        return null;
    }

    /**
     * A JSON:API link of a page ({@code links.next}, {@code links.last}): the URL, given as a string or as
     * a link object's {@code href}; null when the page has none. Anything else cannot be paged on.
     */
    static String link(String name, Object link) {
        if (link == null || link instanceof String s && s.isBlank()) {
            return null;
        }
        if (link instanceof String url) {
            return url;
        }
        if (link instanceof Map<?, ?> object && object.get("href") instanceof String href) {
            return href.isBlank() ? null : href;
        }
        throw new MalformedPageException("links." + name + " is neither a URL nor a link object with an href: "
                + abbreviate(String.valueOf(link)));
    }

    /** The page number and size a {@code links.last} URL names, or null. */
    static Map<String, Integer> pageOf(String url) {
        Integer number = pageParameter(url, "page[number]");
        Integer size = pageParameter(url, "page[size]");
        return number == null || size == null ? null : Map.of("number", number, "size", size);
    }

    /** The {@code page[number]} a page's URL names, or null. */
    static Integer pageNumber(String url) {
        return pageParameter(url, "page[number]");
    }

    private static Integer pageParameter(String url, String name) {
        if (url == null) {
            return null;
        }
        String query;
        try {
            query = URI.create(url).getRawQuery();
        } catch (IllegalArgumentException e) {
            throw new MalformedPageException("links.last is not a URL: " + abbreviate(url));
        }
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals >= 0 && name.equals(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8))) {
                try {
                    return Integer.parseInt(pair.substring(equals + 1));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
