package org.leadfeedercamel.operations;

import java.time.Duration;
import org.leadfeedercamel.run.PagePosition;
import org.leadfeedercamel.run.SyncRun;

/**
 * Shows a sync's progress after every page written, instead of the log's line every interval: the
 * command line's progress bar on a terminal.
 */
public interface ProgressDisplay {

    /**
     * The run is at {@code position}; {@code windowTimeLeft} is what the window's remaining pages take at
     * the paced request rate (null when the API does not say how many there are, or nothing paces).
     */
    void pageWritten(SyncRun run, PagePosition position, Duration windowTimeLeft);
}
