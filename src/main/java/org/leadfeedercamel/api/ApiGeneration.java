package org.leadfeedercamel.api;

import java.net.URI;

/**
 * The two Leadfeeder APIs: the classic one ({@code Authorization: Token token=…}, {@code /accounts/…})
 * and the unified one ({@code X-Api-Key}, {@code /v1/…}). A request belongs to the generation its
 * path says, so the credential header and the pacing follow the URL being requested.
 */
public enum ApiGeneration {
    CLASSIC,
    V1;

    /** The generation of a URL on the API at {@code base}: {@code /v1/…} below the base path is the unified API. */
    public static ApiGeneration of(String path, URI base) {
        String prefix = (base.getRawPath() == null ? "" : base.getRawPath()) + "/v1/";
        return path != null && path.startsWith(prefix) ? V1 : CLASSIC;
    }

    /** The generation of an absolute URL on the API at {@code base}. */
    public static ApiGeneration ofUrl(String url, URI base) {
        return of(URI.create(url).getRawPath(), base);
    }
}
