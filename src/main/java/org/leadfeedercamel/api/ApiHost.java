package org.leadfeedercamel.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The configured API's host: every URL requested stays on it, since a request there carries the credential. */
final class ApiHost {

    private ApiHost() {
    }

    /** {@code url} when it is on the API's scheme, host and port; a {@code links.next} elsewhere is refused. */
    static String checked(String url, URI api) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new FatalApiException("links.next is not a URL: " + abbreviate(url));
        }
        if (!api.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme()))
                || !api.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
                || port(api) != port(uri)) {
            throw new FatalApiException("links.next points to " + uri.getScheme() + "://" + uri.getHost()
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + ", not the configured API "
                    + api.getScheme() + "://" + api.getAuthority() + "; refusing to send the token there");
        }
        return url;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
