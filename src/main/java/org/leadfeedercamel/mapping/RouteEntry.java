package org.leadfeedercamel.mapping;

import java.util.Map;

/** One entry of a visit's route (a page view, or a /v1 engagement) at its position, 1..n, with the visit it belongs to. */
public record RouteEntry(String visitId, Map<String, Object> visit, int pageNumber, Object entry) {
}
