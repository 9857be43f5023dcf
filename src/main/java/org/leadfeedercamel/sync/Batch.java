package org.leadfeedercamel.sync;

import java.util.List;
import java.util.Map;

/** The rows of one table a page writes, and the registry name of the statement that writes them (for {@code sql:ref:}). */
public record Batch(String statement, List<Map<String, Object>> rows) {
}
