package org.leadfeedercamel.mapping;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * How one API generation's pages of one stream map to rows, record by record as the page route splits
 * them: a record into its row (a visit also into the entries of its route, split next into child rows),
 * each such entry into a route row, then what the page carries beside its records.
 *
 * @param record maps one record of the page's {@code data}; answers its route entries, empty for none or when rejected
 * @param entry maps one entry of a visit's route into a route row
 * @param included maps what the page document carries beside its records (the classic API's {@code included} locations)
 */
public record PageMapping(BiFunction<PageRows, Object, List<RouteEntry>> record, BiConsumer<PageRows, RouteEntry> entry,
                          BiConsumer<PageRows, Map<String, Object>> included) {

    /** A mapping of records that have no route (leads, companies), and of what the page carries beside them. */
    static PageMapping withoutRoutes(BiConsumer<PageRows, Object> record, BiConsumer<PageRows, Map<String, Object>> included) {
        return new PageMapping((page, body) -> {
            record.accept(page, body);
            return List.of();
        }, (page, entry) -> { }, included);
    }
}
