package org.leadfeedercamel.sync;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.leadfeedercamel.api.ApiRequest;
import org.leadfeedercamel.api.BrokenPagingException;
import org.leadfeedercamel.run.PagePosition;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.run.SyncWindow;
import org.leadfeedercamel.run.WindowQueue;

/**
 * The paging cursor of one window, which the window route loops on and {@link PageReader} moves: the
 * request for the next page, the page read last, and the page being fetched ahead, if any. It never
 * moves to a request the window has sent already, whichever API's links led there, so no page sequence
 * loops.
 */
public final class WindowPages {

    final SyncRun run;
    final SyncWindow window;
    final WindowQueue windows;
    ApiRequest next;
    int page;
    Integer pageCount;
    CompletableFuture<Exchange> ahead;
    /** What each request of this window asked: method, URL and body. */
    private final Set<String> requested = new HashSet<>();

    WindowPages(SyncRun run, SyncWindow window, WindowQueue windows, ApiRequest first) {
        this.run = run;
        this.window = window;
        this.windows = windows;
        advance(first);
    }

    /** Moves on to {@code request} (null: the window has no more pages); one this window has sent already is refused. */
    void advance(ApiRequest request) {
        if (request != null && !requested.add(request.method() + " " + request.url() + " " + request.body())) {
            throw BrokenPagingException.repeats(request.url());
        }
        next = request;
    }

    /** Whether the window has a page still to read. */
    public boolean hasNext() {
        return next != null;
    }

    /** Where the paging is, for the progress log. */
    public PagePosition position() {
        return new PagePosition(window, page, pageCount, windows.remaining());
    }
}
