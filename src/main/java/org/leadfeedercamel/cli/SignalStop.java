package org.leadfeedercamel.cli;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT, as Kubernetes, systemd, Docker and Ctrl-C send them: the runs in progress are
 * asked to stop at their next page (recorded as stopped), the command ends as it would and the process
 * exits with 128 + the signal's number (143, 130). Should stopping take longer than {@link #GRACE}, or
 * a second signal come, the process exits at once with that code: what was committed stands, and the
 * next run marks the one left running crashed.
 *
 * <p>Only the runner's {@code main} installs it: the JVM's own handling (its shutdown hooks) stays for
 * hosts and tests.
 */
final class SignalStop {

    private static final Logger LOG = LoggerFactory.getLogger(SignalStop.class);
    /** Inside the 10 s a platform commonly grants after SIGTERM (Kubernetes' default is 30 s). */
    static final Duration GRACE = Duration.ofSeconds(9);

    private static final List<Runnable> ON_STOP = new CopyOnWriteArrayList<>();
    private static volatile String received;
    private static volatile int exitCode;

    private SignalStop() {
    }

    static void install() {
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), SignalStop::received);
        }
    }

    /** Runs {@code action} when a signal comes (at once if one came already). */
    static void onStop(Runnable action) {
        ON_STOP.add(action);
        if (received != null) {
            action.run();
        }
    }

    /** What a signal asked for, as the run log records it: {@code SIGTERM received}; null without one. */
    static String reason() {
        return received == null ? null : received + " received";
    }

    /** The exit code of a process a signal stopped, else {@code code}. */
    static int exitCode(int code) {
        return received == null ? code : exitCode;
    }

    private static synchronized void received(Signal signal) {
        int code = 128 + signal.getNumber();
        if (received != null) {
            LOG.warn("SIG{} received again: exiting now", signal.getName());
            Runtime.getRuntime().halt(exitCode);
        }
        received = "SIG" + signal.getName();
        exitCode = code;
        LOG.warn("{} received: stopping at the next page (a second signal exits at once)", received);
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(GRACE.toMillis()); // the time granted to stop; the process ends with it either way
            } catch (InterruptedException e) {
                return;
            }
            LOG.error("Not stopped within {} s: exiting now; the next run marks the run left running crashed", GRACE.toSeconds());
            Runtime.getRuntime().halt(code);
        }, "leadfeeder-stop-deadline");
        deadline.setDaemon(true);
        deadline.start();
        ON_STOP.forEach(Runnable::run);
    }

    /** Whether a signal asked the process to stop. */
    static boolean stopping() {
        return received != null;
    }
}
