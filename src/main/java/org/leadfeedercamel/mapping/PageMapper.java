package org.leadfeedercamel.mapping;

import java.util.List;
import java.util.Map;
import org.leadfeedercamel.run.SyncRun;

/**
 * The page route's mapping steps: each hands its record to the {@link PageMapping} the page was
 * opened with, so one route maps the pages of every stream of either API.
 */
public final class PageMapper {

    private final RecordMapper accounts;

    public PageMapper(RecordMapper accounts) {
        this.accounts = accounts;
    }

    /** The records of a page document: its {@code data} array (the API's paging refuses a page without one). */
    public List<?> records(Map<String, Object> document) {
        return document.get("data") instanceof List<?> data ? data : List.of();
    }

    public List<RouteEntry> record(PageRows page, Object record) {
        return page.mapping().record().apply(page, record);
    }

    public void entry(PageRows page, RouteEntry entry) {
        page.mapping().entry().accept(page, entry);
    }

    public void included(PageRows page, Map<String, Object> document) {
        page.mapping().included().accept(page, document);
    }

    /** The account list, which both APIs answer in the same shape. */
    public PageRows accounts(SyncRun run, Map<String, Object> document) {
        return accounts.accounts(PageRows.accounts(run), document);
    }
}
