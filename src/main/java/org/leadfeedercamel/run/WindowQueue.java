package org.leadfeedercamel.run;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The windows still to read for one account and stream, oldest first. The route splits over it while
 * it grows: a window that turns out to reach the result cap is replaced by its parts, read next.
 */
public final class WindowQueue implements Iterator<SyncWindow> {

    private final Deque<SyncWindow> pending;

    public WindowQueue(List<SyncWindow> windows) {
        this.pending = new ArrayDeque<>(windows);
    }

    /** Reads {@code window} again as {@code parts} windows ({@link SyncWindow#parts}), before anything else that is pending. */
    public void split(SyncWindow window, int parts) {
        List<SyncWindow> narrower = window.parts(parts);
        for (int i = narrower.size() - 1; i >= 0; i--) {
            pending.addFirst(narrower.get(i));
        }
    }

    /** Windows still to read after the current one. */
    public int remaining() {
        return pending.size();
    }

    @Override
    public boolean hasNext() {
        return !pending.isEmpty();
    }

    @Override
    public SyncWindow next() {
        if (pending.isEmpty()) {
            throw new NoSuchElementException();
        }
        return pending.removeFirst();
    }
}
