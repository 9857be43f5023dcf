package org.leadfeedercamel.mapping;

import java.util.List;
import java.util.Map;

/**
 * How one API generation's pages of one stream map to rows, record by record as the page route splits
 * them: a record into its row (and a visit into the entries of its route, split next into child
 * rows), then what the page carries beside its records.
 */
public interface PageMapping {

    /** Maps one record of the page's {@code data}; answers its route entries to split, empty for none or when rejected. */
    List<RouteEntry> record(PageRows page, Object record);

    /** Maps one entry of a visit's route into a route row. */
    default void entry(PageRows page, RouteEntry entry) {
    }

    /** Maps what the page document carries beside its records (the classic API's {@code included} locations). */
    default void included(PageRows page, Map<String, Object> document) {
    }
}
