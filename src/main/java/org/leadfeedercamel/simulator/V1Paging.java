package org.leadfeedercamel.simulator;

import java.util.Map;

/**
 * {@code page[num]} and {@code page[size]} of a /v1 list, and the search depth: one search serves
 * only its first {@code resultCap} rows, and a page starting at or past that answers 416.
 */
record V1Paging(int num, int size) {

    static final String NUM = "page[num]";
    static final String SIZE = "page[size]";
    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;

    static V1Paging parse(Map<String, String> query) {
        int num = integer(query, NUM, 1);
        int size = integer(query, SIZE, DEFAULT_SIZE);
        if (num < 1) {
            throw V1Rejection.invalid(NUM, "must be 1 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw V1Rejection.invalid(SIZE, "must be between 1 and " + MAX_SIZE);
        }
        return new V1Paging(num, size);
    }

    long offset() {
        return (num - 1L) * size;
    }

    /** Refuses a page past the search depth: the real API answers 416 there, not an empty page. */
    void checkReachable(int resultCap) {
        if (offset() >= resultCap) {
            throw new V1Rejection(416, "offset_exceeded", "Offset exceeded", "Only the first " + resultCap
                    + " results of a search can be read; narrow the date range.");
        }
    }

    /** Rows this page serves: its size, cut where the search depth ends. */
    int limit(int resultCap) {
        return (int) Math.max(0, Math.min(size, resultCap - offset()));
    }

    /** Pages of the whole result, the search depth notwithstanding: the real API reports the full count. */
    int pageCount(int total) {
        return (int) ((total + (long) size - 1) / size);
    }

    private static int integer(Map<String, String> query, String key, int fallback) {
        String value = query.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw V1Rejection.invalid(key, "must be a whole number, got '" + value + "'");
        }
    }
}
