package org.leadfeedercamel.api;

/**
 * What a page says about its window: the request for the next page (null after the last), how many
 * pages the window has when the API tells, whether the window holds more than one search can reach
 * (the API's result cap), which is only read from a window's first page, and how many results it holds
 * when the API tells ({@code /v1}'s {@code total_count}; null on the classic API).
 */
public record Paging(ApiRequest next, Integer pageCount, boolean beyondCap, Long total) {
}
