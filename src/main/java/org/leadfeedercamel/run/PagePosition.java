package org.leadfeedercamel.run;

/** Where the paging of a window is: the page just read, of how many (null when the API does not say), and the windows still queued. */
public record PagePosition(SyncWindow window, int page, Integer pages, int windowsQueued) {
}
