package org.leadfeedercamel.api;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The configured API's host: every URL requested stays on it, since a request there carries the credential. */
final class ApiHost {

    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#@]*@");
    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile(
            "(?i)([?&][^=&#]*(?:token|key|secret|password|passwd|auth|signature|session)[^=&#]*=)[^&#]*");

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

    /**
     * A URL the API sent, fit for a message: its user info and the values of parameters named like a
     * credential masked (our own requests carry none, but a hostile server may write anything into a link),
     * abbreviated.
     */
    static String shown(String url) {
        String masked = USER_INFO.matcher(url).replaceFirst("$1***@");
        masked = CREDENTIAL_PARAMETER.matcher(masked).replaceAll("$1***");
        return masked.length() > 300 ? masked.substring(0, 300) + "…" : masked;
    }

    static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
