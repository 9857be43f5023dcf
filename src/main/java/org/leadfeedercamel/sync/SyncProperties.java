package org.leadfeedercamel.sync;

/** Names of the exchange properties the sync routes hand each other; the YAML routes use the same strings. */
public final class SyncProperties {

    /** The {@link SyncRun} being executed. */
    public static final String RUN = "leadfeederRun";
    /** Id of the account being synced. */
    public static final String ACCOUNT_ID = "leadfeederAccountId";
    /** Its IANA timezone. */
    public static final String ACCOUNT_TIMEZONE = "leadfeederAccountTimezone";
    /** "visits" or "leads". */
    public static final String STREAM = "leadfeederStream";
    /** Which page route maps the stream's pages: {@code visits}, {@code leads}, or {@code v1-…} for the unified API. */
    public static final String PAGE_ROUTE = "leadfeederPageRoute";
    /** The {@link SyncWindow} being paged. */
    public static final String WINDOW = "leadfeederWindow";
    /** The windows still to read for the current account and stream. */
    public static final String WINDOWS = "leadfeederWindows";
    /** URL of the next page to fetch, null when the window is done. */
    public static final String NEXT_URL = "leadfeederNextUrl";
    /** Number of the page just fetched within the window, from 1. */
    public static final String PAGE_NUMBER = "leadfeederPageNumber";
    /** How many pages the window has, per the `links.last` of the page just fetched (null when it had none). */
    public static final String PAGE_COUNT = "leadfeederPageCount";
    /** Whether the page just fetched is the window's last. */
    public static final String LAST_PAGE = "leadfeederLastPage";
    /** Whether the page just fetched is to be written (false when the window was split instead). */
    public static final String WRITE_PAGE = "leadfeederWritePage";
    /** The {@link org.leadfeedercamel.mapping.PageRows} collecting a page's rows per table. */
    public static final String PAGE_ROWS = "leadfeederPageRows";
    /** Id of the visit whose route is being split. */
    public static final String VISIT_ID = "leadfeederVisitId";
    /** That visit's raw record, kept in case a route entry rejects it. */
    public static final String VISIT_RECORD = "leadfeederVisitRecord";

    private SyncProperties() {
    }
}
