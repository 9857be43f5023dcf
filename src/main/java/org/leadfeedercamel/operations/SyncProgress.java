package org.leadfeedercamel.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.leadfeedercamel.run.PagePosition;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.run.SyncWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs where a long sync is, at most every {@code leadfeeder.progress-interval-seconds}: account, stream,
 * window, page of pages, the run's rows so far, and the time the window's remaining pages take at the
 * paced request rate (the API's limit, not the local speed, decides a real backfill's duration).
 */
public final class SyncProgress {

    private static final Logger LOG = LoggerFactory.getLogger(SyncProgress.class);

    private final Duration interval;
    private final int rateLimitRequests;
    private final Duration rateLimitWindow;
    private final Clock clock;
    private final AtomicReference<Instant> lastLogged = new AtomicReference<>(Instant.MIN);

    /** {@code rateLimitRequests} per {@code rateLimitWindow}: the pace that tells how long the rest of a window takes. */
    public SyncProgress(Duration interval, int rateLimitRequests, Duration rateLimitWindow, Clock clock) {
        this.interval = interval;
        this.rateLimitRequests = rateLimitRequests;
        this.rateLimitWindow = rateLimitWindow;
        this.clock = clock;
    }

    public void pageWritten(SyncRun run, PagePosition position) {
        Instant now = clock.instant();
        Instant last = lastLogged.get();
        if (Duration.between(last, now).compareTo(interval) < 0 || !lastLogged.compareAndSet(last, now)) {
            return;
        }
        if (last == Instant.MIN) {
            return; // the interval starts with the first page; a short run logs nothing but its summary
        }
        SyncWindow window = position.window();
        int page = position.page();
        Integer pages = position.pages();
        LOG.info("Progress: account {}, {} {}..{}: page {} of {}, {} more window(s) of this stream queued; "
                        + "run so far: {} requests, {} visits, {} route rows, {} leads{}",
                window.accountId(), window.stream(), window.from(), window.to(), page, pages == null ? "?" : pages,
                position.windowsQueued(), run.requests(), run.rows("visits"), run.rows("visit_routs"),
                run.rows("leads"), timeLeft(pages == null ? 0 : pages - page));
    }

    private String timeLeft(int requests) {
        if (requests <= 0 || rateLimitRequests <= 1) {
            return "";
        }
        double perSecond = (rateLimitRequests - 1) / (double) rateLimitWindow.toSeconds();
        return String.format("; this window's %d remaining pages take about %s at %d requests per %d s", requests,
                Duration.ofSeconds(Math.round(requests / perSecond)).toString().substring(2).toLowerCase(),
                rateLimitRequests - 1, rateLimitWindow.toSeconds());
    }
}
