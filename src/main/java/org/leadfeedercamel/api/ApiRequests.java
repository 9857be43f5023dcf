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
 * Builds the classic API's request URLs and prepares each request. Every URL requested is on the
 * configured base URL: a `links.next` elsewhere would carry the token there, so it is refused.
 */
public final class ApiRequests {

    private final SyncSettings settings;

    public ApiRequests(SyncSettings settings) {
        this.settings = settings;
    }

    public String accountsUrl() {
        return base() + "/accounts";
    }

    /** Page 1 of the current window of the current account and stream. */
    public String firstPageUrl(Exchange exchange) {
        SyncWindow window = exchange.getProperty(SyncProperties.WINDOW, SyncWindow.class);
        return base() + "/accounts/" + encode(window.accountId()) + "/" + window.stream()
                + "?start_date=" + window.from() + "&end_date=" + window.to()
                + "&" + encode("page[number]") + "=1&" + encode("page[size]") + "=" + settings.pageSize();
    }

    /** The absolute `links.next` of a page, checked to stay on the API's scheme, host and port. */
    public String checkedNext(Object next) {
        if (!(next instanceof String url) || url.isBlank()) {
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
        exchange.getMessage().setBody(null);
        exchange.getMessage().setHeader(Exchange.HTTP_URI, url);
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
        exchange.getMessage().setHeader("Accept", "application/vnd.api+json, application/json");
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
        String query = URI.create(url).getRawQuery();
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
