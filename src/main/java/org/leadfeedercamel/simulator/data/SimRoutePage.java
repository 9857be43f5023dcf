package org.leadfeedercamel.simulator.data;

/** One entry of a visit's `visit_route`. */
public record SimRoutePage(
        String hostname,
        String pagePath,
        String previousPagePath,
        int timeOnPage,
        String pageTitle,
        String pageUrl,
        String displayPageName) {
}
