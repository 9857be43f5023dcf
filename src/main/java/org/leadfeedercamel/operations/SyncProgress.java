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
 * Tells where a long sync is: account, stream, window, page of pages, the run's rows so far, and the
 * time the window's remaining pages take at the paced request rate (the API's limit, not the local
 * speed, decides a real backfill's duration). In the log at most every
 * {@code leadfeeder.progress-interval-seconds}, or after every page on a {@link ProgressDisplay}.
 */
public final class SyncProgress {

    private static final Logger LOG = LoggerFactory.getLogger(SyncProgress.class);

    private final Duration interval;
    private final int rateLimitRequests;
    private final Duration rateLimitWindow;
    private final Clock clock;
    private final AtomicReference<Instant> lastLogged = new AtomicReference<>(Instant.MIN);
    private volatile ProgressDisplay display;

    /** {@code rateLimitRequests} per {@code rateLimitWindow}: the pace that tells how long the rest of a window takes. */
    public SyncProgress(Duration interval, int rateLimitRequests, Duration rateLimitWindow, Clock clock) {
        this.interval = interval;
        this.rateLimitRequests = rateLimitRequests;
        this.rateLimitWindow = rateLimitWindow;
        this.clock = clock;
    }

    /** Shows the progress on {@code progress} from now on instead of in the log (null: the log again). */
    public void displayOn(ProgressDisplay progress) {
        display = progress;
    }

    public void pageWritten(SyncRun run, PagePosition position) {
        Integer pages = position.pages();
        Duration timeLeft = timeLeft(pages == null ? 0 : pages - position.page());
        ProgressDisplay shown = display;
        if (shown != null) {
            shown.pageWritten(run, position, timeLeft);
            return;
        }
        Instant now = clock.instant();
        Instant last = lastLogged.get();
        if (Duration.between(last, now).compareTo(interval) < 0 || !lastLogged.compareAndSet(last, now)) {
            return;
        }
        if (last == Instant.MIN) {
            return; // the interval starts with the first page; a short run logs nothing but its summary
        }
        SyncWindow window = position.window();
        LOG.info("Progress: account {}, {} {}..{}: page {} of {}, {} more window(s) of this stream queued; "
                        + "run so far: {} requests, {} visits, {} route rows, {} leads{}",
                window.accountId(), window.stream(), window.from(), window.to(), position.page(), pages == null ? "?" : pages,
                position.windowsQueued(), run.requests(), run.rows("visits"), run.rows("visit_routs"), run.rows("leads"),
                timeLeft == null ? "" : String.format("; this window's %d remaining pages take about %s at %d requests per %d s",
                        pages - position.page(), readable(timeLeft), rateLimitRequests - 1, rateLimitWindow.toSeconds()));
    }

    /** {@code PT1M20S} → {@code 1m20s}. */
    public static String readable(Duration duration) {
        return duration.toString().substring(2).toLowerCase();
    }

    private Duration timeLeft(int requests) {
        if (requests <= 0 || rateLimitRequests <= 1) {
            return null;
        }
        double perSecond = (rateLimitRequests - 1) / (double) rateLimitWindow.toSeconds();
        return Duration.ofSeconds(Math.round(requests / perSecond));
    }
}
