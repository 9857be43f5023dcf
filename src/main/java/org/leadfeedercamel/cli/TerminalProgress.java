package org.leadfeedercamel.cli;

import java.time.Duration;
import java.util.Optional;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.leadfeedercamel.operations.ProgressDisplay;
import org.leadfeedercamel.operations.SyncProgress;
import org.leadfeedercamel.run.PagePosition;
import org.leadfeedercamel.run.SyncRun;
import org.leadfeedercamel.run.SyncWindow;

/**
 * A one-off sync's live progress bar on a terminal, one per account and stream: the pages of the window
 * being read, the time its remaining pages take at the paced rate as the estimate (the bar's own would be
 * the local speed, which the API's limit overrules), the window, the windows queued after it and the
 * run's rows so far.
 */
final class TerminalProgress implements ProgressDisplay, AutoCloseable {

    private ProgressBar bar;
    private volatile Duration timeLeft;

    /** Whether the process runs on a terminal (its input and output), where a bar can redraw its line. */
    static boolean onTerminal() {
        return System.console() != null;
    }

    @Override
    public synchronized void pageWritten(SyncRun run, PagePosition position, Duration windowTimeLeft) {
        SyncWindow window = position.window();
        String task = window.accountId() + " " + window.stream();
        if (bar == null || !bar.getTaskName().equals(task)) {
            close(); // a finished line per account and stream
            bar = new ProgressBarBuilder().setTaskName(task).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                    .setEtaFunction(state -> Optional.ofNullable(timeLeft)).build();
        }
        timeLeft = windowTimeLeft;
        Integer pages = position.pages();
        bar.maxHint(pages == null ? -1 : pages); // -1: the API does not say, the bar spins
        bar.stepTo(position.page());
        bar.setExtraMessage(String.format("%s..%s%s, %,d rows", window.from(), window.to(),
                position.windowsQueued() == 0 ? "" : " +" + position.windowsQueued() + " windows", rows(run)));
    }

    private static int rows(SyncRun run) {
        return SyncRun.TABLES.stream().mapToInt(run::rows).sum();
    }

    /** Ends the bar's line, before the summary. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
