package org.leadfeedercamel.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.Exchange;
import org.leadfeedercamel.config.SyncSettings;
import org.leadfeedercamel.sync.SyncProperties;
import org.leadfeedercamel.sync.SyncRun;
import org.leadfeedercamel.sync.SyncWindow;

/**
 * Builds the request URLs of the API in use and prepares each request. Every URL requested is on the
 * configured base URL: a `links.next` elsewhere would carry the token there, so it is refused.
 *
 * <p>The unified API ({@code /v1}) searches visits with a POST whose JSON body holds the window's
 * dates; its companies (the leads stream) and everything else are GETs. Its pages are numbered with
 * {@code page[num]}, the classic API's with {@code page[number]}.
 */
public final class ApiRequests {

    private static final String V1_VISITS = "/v1/web-visits";
    private static final String V1_COMPANIES = "/v1/web-visits/companies";
    private static final String V1_PAGE = "page[num]";

    private final SyncSettings settings;
    private final ApiChoice choice;

    public ApiRequests(SyncSettings settings, ApiChoice choice) {
        this.settings = settings;
        this.choice = choice;
    }

    public String accountsUrl() {
        return base() + (choice.generation() == ApiGeneration.V1 ? "/v1/accounts" : "/accounts");
    }

    /** Page 1 of the current window of the current account and stream. */
    public String firstPageUrl(Exchange exchange) {
        SyncWindow window = exchange.getProperty(SyncProperties.WINDOW, SyncWindow.class);
        if (choice.generation() == ApiGeneration.V1) {
            // visits: the dates go in the POST body (see prepare); companies: in the query
            return base() + ("visits".equals(window.stream()) ? V1_VISITS + "?account_id=" + encode(window.accountId())
                    : V1_COMPANIES + "?account_id=" + encode(window.accountId()) + "&start_date=" + window.from()
                    + "&end_date=" + window.to())
                    + "&include=company&" + encode(V1_PAGE) + "=1&" + encode("page[size]") + "=" + settings.pageSize();
        }
        return base() + "/accounts/" + encode(window.accountId()) + "/" + window.stream()
                + "?start_date=" + window.from() + "&end_date=" + window.to()
                + "&" + encode("page[number]") + "=1&" + encode("page[size]") + "=" + settings.pageSize();
    }

    /** The same {@code /v1} request for another page number. */
    public static String withV1Page(String url, int number) {
        String parameter = encode(V1_PAGE) + "=";
        int start = url.indexOf(parameter);
        if (start < 0) {
            throw new IllegalArgumentException("no page number in " + url);
        }
        int end = url.indexOf('&', start);
        return url.substring(0, start) + parameter + number + (end < 0 ? "" : url.substring(end));
    }

    /** Which page route maps this stream's pages for the API in use. */
    public String pageRoute(Exchange exchange) {
        String stream = exchange.getProperty(SyncProperties.STREAM, String.class);
        return choice.generation() == ApiGeneration.V1 ? "v1-" + stream : stream;
    }

    /**
     * A JSON:API link of a page ({@code links.next}, {@code links.last}): the URL, given as a string or as
     * a link object's {@code href}; null when the page has none. Anything else cannot be paged on.
     */
    public static String link(String name, Object link) {
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

    /** An absolute `links.next`, checked to stay on the API's scheme, host and port; null stays null. */
    public String checkedNext(String url) {
        if (url == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new FatalApiException("links.next is not a URL: " + abbreviate(url));
        }
        URI api = settings.baseApiUrl();
        if (!api.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
                || !api.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
                || port(api) != port(uri)) {
            throw new FatalApiException("links.next points to " + uri.getScheme() + "://" + uri.getHost()
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + ", not the configured API "
                    + api.getScheme() + "://" + api.getAuthority() + "; refusing to send the token there");
        }
        return url;
    }

    /** Clears whatever headers came in and aims the HTTP endpoint at the URL to fetch. */
    public void prepare(Exchange exchange) {
        String url = exchange.getProperty(SyncProperties.NEXT_URL, String.class);
        checkedNext(url);
        // Camel counts redeliveries in these headers: clearing them would retry forever
        exchange.getMessage().removeHeaders("*", Exchange.REDELIVERED, Exchange.REDELIVERY_COUNTER,
                Exchange.REDELIVERY_MAX_COUNTER);
        exchange.getMessage().setHeader(Exchange.HTTP_URI, url);
        String path = URI.create(url).getRawPath();
        boolean v1 = ApiGeneration.of(path, settings.baseApiUrl()) == ApiGeneration.V1;
        boolean search = v1 && path.endsWith(V1_VISITS);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, search ? "POST" : "GET");
        exchange.getMessage().setHeader("Accept", v1 ? "application/json" : "application/vnd.api+json, application/json");
        if (search) {
            SyncWindow window = exchange.getProperty(SyncProperties.WINDOW, SyncWindow.class);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
            // two ISO dates: nothing in them needs escaping
            exchange.getMessage().setBody("{\"start_date\":\"" + window.from() + "\",\"end_date\":\"" + window.to() + "\"}");
        } else {
            exchange.getMessage().setBody(null);
        }
        SyncRun run = exchange.getProperty(SyncProperties.RUN, SyncRun.class);
        if (run != null) {
            run.requestSent();
            SyncWindow window = exchange.getProperty(SyncProperties.WINDOW, SyncWindow.class);
            run.at(window == null ? "reading the accounts"
                    : "account " + window.accountId() + ", " + window.stream() + " window " + window.from() + ".." + window.to()
                    + ", page " + (exchange.getProperty(SyncProperties.PAGE_NUMBER, 0, Integer.class) + 1));
        }
    }

    /** The page number and size a `links.last` URL names, or null. */
    public static Map<String, Integer> pageOf(String url) {
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
            String key = java.net.URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
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

    private String base() {
        return settings.baseApiUrl().toString();
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String url) {
        return url.length() > 100 ? url.substring(0, 100) + "…" : url;
    }
}
