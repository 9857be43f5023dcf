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
 */
public final class ClassicLeadfeederApi implements LeadfeederApi {

    private static final String ACCEPT = "application/vnd.api+json, application/json";

    private final URI base;
    private final int pageSize;
    private final int resultCap;
    private final RecordMapper mapper;

    public ClassicLeadfeederApi(URI base, int pageSize, int resultCap, RecordMapper mapper) {
        this.base = base;
        this.pageSize = pageSize;
        this.resultCap = resultCap;
        this.mapper = mapper;
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
                : new ApiRequest(ApiHost.checked(nextLink, base), "GET", null, ACCEPT, request.window(), request.page() + 1);
        return new Paging(next, last == null ? null : last.get("number"), beyondCap);
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
        if (url == null) {
            return null;
        }
        Integer number = null;
        Integer size = null;
        String query;
        try {
            query = URI.create(url).getRawQuery();
        } catch (IllegalArgumentException e) {
            throw new MalformedPageException("links.last is not a URL: " + abbreviate(url));
        }
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = pair.substring(equals + 1);
            try {
                if ("page[number]".equals(key)) {
                    number = Integer.parseInt(value);
                } else if ("page[size]".equals(key)) {
                    size = Integer.parseInt(value);
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return number == null || size == null ? null : Map.of("number", number, "size", size);
    }
}
