package org.leadfeedercamel.sync;

import java.util.concurrent.CompletableFuture;
import org.apache.camel.Exchange;
import org.leadfeedercamel.api.ApiRequest;
import org.leadfeedercamel.run.PagePosition;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.run.SyncWindow;
import org.leadfeedercamel.run.WindowQueue;

/**
 * The paging cursor of one window, which the window route loops on and {@link PageReader} moves: the
 * request for the next page, the page read last, and the page being fetched ahead, if any.
 */
public final class WindowPages {

    final SyncRun run;
    final SyncWindow window;
    final WindowQueue windows;
    ApiRequest next;
    int page;
    Integer pageCount;
    CompletableFuture<Exchange> ahead;

    WindowPages(SyncRun run, SyncWindow window, WindowQueue windows, ApiRequest first) {
        this.run = run;
        this.window = window;
        this.windows = windows;
        this.next = first;
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
