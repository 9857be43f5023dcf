package org.leadfeedercamel.sync;

import java.util.List;
import java.util.Map;

/** The rows of one table a page writes, the name of the statement that writes them and its SQL, for camel-sql. */
public record Batch(String statement, String sql, List<Map<String, Object>> rows) {
}
