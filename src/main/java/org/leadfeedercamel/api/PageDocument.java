package org.leadfeedercamel.api;

import java.util.List;
import java.util.Map;

/** What every page of either API has: a {@code data} array; a page without one cannot be paged on. */
final class PageDocument {

    private PageDocument() {
    }

    static List<?> data(Map<String, Object> document, ApiRequest request) {
        if (!(document.get("data") instanceof List<?> data)) {
            throw new TransientApiException("page without a data array from " + request.url());
        }
        return data;
    }
}
